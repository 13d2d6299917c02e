import { Button, Group, Paper, Select, Stack, Text, TextInput, Title } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTRPC } from "../../api.ts";
import { flattenCategories, type CategoryNode } from "../../ui/categories.ts";
import { errorDetail, fieldErrors } from "../../ui/errors.ts";
import { FormError } from "../../ui/FormError.tsx";
import { QueryState } from "../../ui/QueryState.tsx";

const slugOf = (name: string) =>
  name
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");

export default function CategoriesPage() {
  const trpc = useTRPC();
  const tree = useQuery(trpc.categories.list.queryOptions());
  return (
    <Stack>
      <Title order={1} size="h2">
        Categories
      </Title>
      <NewCategory roots={tree.data ?? []} />
      <QueryState query={tree} label="categories" isEmpty={(data) => data.length === 0} empty="No categories yet.">
        {(data) => (
          <Stack gap={4} role="tree" aria-label="Category tree">
            {flattenCategories(data).map(({ node, depth }) => (
              <CategoryRow key={`${node.id}:${node.name}`} node={node} depth={depth} />
            ))}
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}

function useRefreshCategories() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries(trpc.categories.pathFilter());
}

function NewCategory({ roots }: { roots: CategoryNode[] }) {
  const trpc = useTRPC();
  const refresh = useRefreshCategories();
  const [name, setName] = useState("");
  const [slug, setSlug] = useState("");
  const [parent, setParent] = useState<string | null>(null);
  const create = useMutation(
    trpc.categories.create.mutationOptions({
      onSuccess: async () => {
        setName("");
        setSlug("");
        await refresh();
      },
    }),
  );
  const errors = fieldErrors(create.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ name, slug: slug || slugOf(name), parent_slug: parent });
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="new-category-title">
      <form onSubmit={submit} noValidate>
        <Stack gap="xs">
          <Title order={2} size="h4" id="new-category-title">
            New category
          </Title>
          <FormError error={create.error} />
          <Group align="start" wrap="wrap">
            <TextInput
              label="Category name"
              required
              value={name}
              error={errors.name}
              onChange={(e) => setName(e.currentTarget.value)}
            />
            <TextInput
              label="Slug"
              placeholder={slugOf(name) || "from the name"}
              value={slug}
              error={errors.slug}
              onChange={(e) => setSlug(e.currentTarget.value)}
            />
            <Select
              label="Parent"
              placeholder="None (a root)"
              clearable
              searchable
              data={flattenCategories(roots).map(({ node, path }) => ({ value: node.slug, label: path }))}
              value={parent}
              error={errors.parent_slug}
              onChange={setParent}
            />
          </Group>
          <Group>
            <Button type="submit" loading={create.isPending}>
              Create category
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function CategoryRow({ node, depth }: { node: CategoryNode; depth: number }) {
  const trpc = useTRPC();
  const refresh = useRefreshCategories();
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(node.name);
  const rename = useMutation(
    trpc.categories.update.mutationOptions({
      onSuccess: async () => {
        setEditing(false);
        await refresh();
      },
    }),
  );
  const errors = fieldErrors(rename.error);
  return (
    <Group role="treeitem" aria-level={depth + 1} aria-selected={false} pl={depth * 20} gap="xs" align="start">
      {editing ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            rename.mutate({ id: node.id, name });
          }}
        >
          <Group gap="xs" align="start">
            <TextInput
              size="xs"
              label={`New name for ${node.name}`}
              value={name}
              error={errors.name ?? (rename.error && !errors.name ? errorDetail(rename.error) : undefined)}
              onChange={(e) => setName(e.currentTarget.value)}
              autoFocus
            />
            <Button size="xs" type="submit" mt={22} loading={rename.isPending}>
              Save
            </Button>
            <Button size="xs" variant="subtle" mt={22} onClick={() => (setEditing(false), setName(node.name))}>
              Cancel
            </Button>
          </Group>
        </form>
      ) : (
        <>
          <Text size="sm">{node.name}</Text>
          <Text size="xs" c="dimmed" ff="monospace">
            {node.slug}
          </Text>
          <Button size="compact-xs" variant="subtle" aria-label={`Rename ${node.name}`} onClick={() => setEditing(true)}>
            Rename
          </Button>
        </>
      )}
    </Group>
  );
}
