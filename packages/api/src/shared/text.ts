/**
 * The path ("a.b.0") of the first string or key holding a NUL character in an input, "" for the
 * input itself, or null when there is none. PostgreSQL text cannot store NUL, so every input is
 * checked once, before any procedure sees it, instead of field by field.
 */
export function findNul(input: unknown): string | null {
  const pending: [unknown, string][] = [[input, ""]];
  while (pending.length > 0) {
    const [value, path] = pending.pop()!;
    if (typeof value === "string") {
      if (value.includes("\0")) return path;
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => pending.push([item, path ? `${path}.${i}` : String(i)]));
    } else if (value !== null && typeof value === "object" && !ArrayBuffer.isView(value)) {
      for (const [key, item] of Object.entries(value)) {
        const itemPath = path ? `${path}.${key}` : key;
        if (key.includes("\0")) return path;
        pending.push([item, itemPath]);
      }
    }
  }
  return null;
}
