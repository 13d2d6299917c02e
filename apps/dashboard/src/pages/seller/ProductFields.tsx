import { Select, Textarea, TextInput } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "../../api.ts";
import { categoryOptions } from "../../ui/categories.ts";

export interface ProductDraft {
  name: string;
  description: string;
  /** The category's id as the Select holds it. */
  category: string | null;
}

/** A product's name, description and category, as the new-product and edit pages both ask for them. */
export function ProductFields({
  draft,
  errors,
  onChange,
}: {
  draft: ProductDraft;
  errors: Record<string, string | undefined>;
  onChange: (draft: ProductDraft) => void;
}) {
  const trpc = useTRPC();
  const categories = useQuery(trpc.categories.list.queryOptions());
  return (
    <>
      <TextInput
        label="Name"
        required
        value={draft.name}
        error={errors.name}
        onChange={(e) => onChange({ ...draft, name: e.currentTarget.value })}
      />
      <Textarea
        label="Description"
        autosize
        minRows={2}
        value={draft.description}
        error={errors.description}
        onChange={(e) => onChange({ ...draft, description: e.currentTarget.value })}
      />
      <Select
        label="Category"
        required
        searchable
        data={categoryOptions(categories.data ?? [])}
        value={draft.category}
        error={errors.category}
        onChange={(category) => onChange({ ...draft, category })}
      />
    </>
  );
}
