import { NumberInput } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "../../api.ts";
import { errorDetail, fieldErrors } from "../../ui/errors.ts";

/** A variant's stock, saved on Enter or when the field loses focus. */
export function StockInput({ productId, variant }: { productId: number; variant: { id: number; sku: string; stock: number } }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [value, setValue] = useState<string | number>(variant.stock);
  const save = useMutation(
    trpc.products.updateVariant.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(trpc.products.pathFilter()),
    }),
  );
  const commit = () => {
    if (typeof value === "number" && value !== variant.stock)
      save.mutate({ id: productId, variant_id: variant.id, stock: value });
  };
  const error = save.error ? (fieldErrors(save.error).stock ?? errorDetail(save.error)) : undefined;
  return (
    <NumberInput
      aria-label={`Stock of ${variant.sku}`}
      size="xs"
      w={96}
      min={0}
      allowDecimal={false}
      value={value}
      onChange={setValue}
      onBlur={commit}
      onKeyDown={(event) => {
        if (event.key === "Enter") commit();
      }}
      error={error}
      rightSection={save.isSuccess && value === variant.stock ? <span aria-label="Saved">✓</span> : undefined}
      disabled={save.isPending}
    />
  );
}
