import { Group, NumberInput, TextInput } from "@mantine/core";
import type { VariantDraft } from "./variants.ts";

/** The inputs of one variant; `errors` are the API's field errors keyed by field name. */
export function VariantFields({
  draft,
  label,
  errors,
  onChange,
}: {
  draft: VariantDraft;
  label: string;
  errors: Record<string, string | undefined>;
  onChange: (draft: VariantDraft) => void;
}) {
  const set = <K extends keyof VariantDraft>(field: K, value: VariantDraft[K]) => onChange({ ...draft, [field]: value });
  return (
    <Group align="start" gap="xs" wrap="wrap" role="group" aria-label={label}>
      <TextInput
        label="SKU"
        required
        w={140}
        value={draft.sku}
        error={errors.sku}
        onChange={(e) => set("sku", e.currentTarget.value)}
      />
      <TextInput
        label="Variant name"
        required
        w={160}
        value={draft.name}
        error={errors.name}
        onChange={(e) => set("name", e.currentTarget.value)}
      />
      <TextInput
        label="Price"
        required
        w={100}
        inputMode="decimal"
        placeholder="19.99"
        value={draft.price}
        error={errors.price}
        onChange={(e) => set("price", e.currentTarget.value)}
      />
      <NumberInput
        label="Stock"
        required
        w={90}
        min={0}
        allowDecimal={false}
        value={draft.stock}
        error={errors.stock}
        onChange={(value) => set("stock", value)}
      />
      <TextInput
        label="Attributes"
        description="name=value, comma-separated"
        w={200}
        placeholder="colour=red, size=M"
        value={draft.attributes}
        error={errors.attributes}
        onChange={(e) => set("attributes", e.currentTarget.value)}
      />
    </Group>
  );
}
