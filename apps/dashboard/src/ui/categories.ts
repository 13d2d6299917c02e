import type { RouterOutputs } from "@shop/client";

export type CategoryNode = RouterOutputs["categories"]["list"][number];

/** The tree as one list in display order, each with its depth and full path ("Home › Lamps"). */
export function flattenCategories(roots: CategoryNode[]): { node: CategoryNode; depth: number; path: string }[] {
  const rows: { node: CategoryNode; depth: number; path: string }[] = [];
  const walk = (nodes: CategoryNode[], depth: number, prefix: string) => {
    for (const node of nodes) {
      const path = prefix ? `${prefix} › ${node.name}` : node.name;
      rows.push({ node, depth, path });
      walk(node.children, depth + 1, path);
    }
  };
  walk(roots, 0, "");
  return rows;
}

export const categoryOptions = (roots: CategoryNode[]) =>
  flattenCategories(roots).map(({ node, path }) => ({ value: String(node.id), label: path }));
