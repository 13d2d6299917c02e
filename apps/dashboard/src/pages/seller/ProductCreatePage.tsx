import { Alert, Button, Group, Paper, Stack, Title } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useLocation } from "wouter";
import { useTRPC } from "../../api.ts";
import { fieldErrors } from "../../ui/errors.ts";
import { FormError } from "../../ui/FormError.tsx";
import { ProductFields, type ProductDraft } from "./ProductFields.tsx";
import { emptyVariant, variantInput, type VariantDraft } from "./variants.ts";
import { VariantFields } from "./VariantFields.tsx";

export default function ProductCreatePage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [, navigate] = useLocation();
  const [product, setProduct] = useState<ProductDraft>({ name: "", description: "", category: null });
  const [variants, setVariants] = useState<VariantDraft[]>(() => [emptyVariant()]);
  const create = useMutation(
    trpc.products.create.mutationOptions({
      onSuccess: async (product) => {
        await queryClient.invalidateQueries(trpc.products.pathFilter());
        navigate(`/products/${product.id}`);
      },
    }),
  );

  const apiErrors = fieldErrors(create.error);
  // With no category chosen the form sends 0 (the input takes a number): say what is missing instead.
  const errors = !product.category && apiErrors.category ? { ...apiErrors, category: "Choose a category." } : apiErrors;
  const variantErrors = (index: number) => ({
    sku: errors[`variants.${index}.sku`],
    name: errors[`variants.${index}.name`],
    price: errors[`variants.${index}.price`],
    stock: errors[`variants.${index}.stock`],
    attributes: errors[`variants.${index}.attributes`],
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const { name, description, category } = product;
    create.mutate({ name, description, category: category ? Number(category) : 0, variants: variants.map(variantInput) });
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="new-product-title">
      <Stack maw={900}>
        <Title order={1} size="h2" id="new-product-title">
          New product
        </Title>
        <FormError error={create.error} />
        <ProductFields draft={product} errors={errors} onChange={setProduct} />
        <Title order={2} size="h4">
          Variants
        </Title>
        {errors.variants ? (
          <Alert color="red" role="alert">
            {errors.variants}
          </Alert>
        ) : null}
        {variants.map((draft, index) => (
          <Paper key={draft.key} withBorder p="sm">
            <VariantFields
              draft={draft}
              label={`Variant ${index + 1}`}
              errors={variantErrors(index)}
              onChange={(changed) => setVariants((all) => all.map((d) => (d.key === draft.key ? changed : d)))}
            />
            {variants.length > 1 ? (
              <Button
                mt="xs"
                size="xs"
                variant="subtle"
                color="red"
                onClick={() => setVariants((all) => all.filter((d) => d.key !== draft.key))}
              >
                Remove variant {index + 1}
              </Button>
            ) : null}
          </Paper>
        ))}
        <Group>
          <Button variant="default" onClick={() => setVariants((all) => [...all, emptyVariant()])}>
            Add variant
          </Button>
          <Button type="submit" loading={create.isPending}>
            Create product
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
