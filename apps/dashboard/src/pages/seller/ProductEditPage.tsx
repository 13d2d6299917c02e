import { Anchor, Button, Divider, Group, Paper, Stack, Title } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Link, useParams } from "wouter";
import type { RouterOutputs } from "@shop/client";
import { useTRPC } from "../../api.ts";
import { fieldErrors } from "../../ui/errors.ts";
import { FormError } from "../../ui/FormError.tsx";
import { QueryState } from "../../ui/QueryState.tsx";
import { ProductFields, type ProductDraft } from "./ProductFields.tsx";
import { ProductImages } from "./ProductImages.tsx";
import { emptyVariant, variantDraftOf, variantInput } from "./variants.ts";
import { VariantFields } from "./VariantFields.tsx";

type Product = RouterOutputs["products"]["get"];

export default function ProductEditPage() {
  const trpc = useTRPC();
  const id = Number(useParams<{ id: string }>().id);
  const product = useQuery(trpc.products.get.queryOptions({ id }));
  return (
    <Stack maw={900}>
      <Anchor component={Link} href="/products">
        ← Products
      </Anchor>
      <QueryState query={product} label="the product" isEmpty={() => false} empty={null}>
        {(data) => (
          <>
            <ProductDetails key={data.updated_at} product={data} />
            <Divider />
            <Variants product={data} />
            <Divider />
            <ProductImages productId={data.id} images={data.images} />
          </>
        )}
      </QueryState>
    </Stack>
  );
}

function useRefreshProducts() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries(trpc.products.pathFilter());
}

function ProductDetails({ product }: { product: Product }) {
  const trpc = useTRPC();
  const [draft, setDraft] = useState<ProductDraft>({
    name: product.name,
    description: product.description,
    category: String(product.category),
  });
  const update = useMutation(trpc.products.update.mutationOptions({ onSuccess: useRefreshProducts() }));
  const errors = fieldErrors(update.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const { name, description, category } = draft;
    update.mutate({ id: product.id, name, description, ...(category && { category: Number(category) }) });
  };
  return (
    <form onSubmit={submit} noValidate aria-label="Product details">
      <Stack>
        <Title order={1} size="h2">
          {product.name}
        </Title>
        <FormError error={update.error} />
        <ProductFields draft={draft} errors={errors} onChange={setDraft} />
        <Group>
          <Button type="submit" loading={update.isPending}>
            Save product
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function Variants({ product }: { product: Product }) {
  return (
    <Stack>
      <Title order={2} size="h4">
        Variants
      </Title>
      {product.variants.map((variant, index) => (
        <VariantRow key={`${variant.id}:${product.updated_at}`} productId={product.id} variant={variant} index={index} />
      ))}
      <NewVariant productId={product.id} />
    </Stack>
  );
}

function VariantRow({ productId, variant, index }: { productId: number; variant: Product["variants"][number]; index: number }) {
  const trpc = useTRPC();
  const refresh = useRefreshProducts();
  const [draft, setDraft] = useState(() => variantDraftOf(variant));
  const save = useMutation(trpc.products.updateVariant.mutationOptions({ onSuccess: refresh }));
  const remove = useMutation(trpc.products.deleteVariant.mutationOptions({ onSuccess: refresh }));
  const error = save.error ?? remove.error;
  const errors = fieldErrors(error);
  return (
    <Paper withBorder p="sm">
      <VariantFields draft={draft} label={`Variant ${index + 1}`} errors={errors} onChange={setDraft} />
      <FormError error={error} mt="xs" />
      <Group mt="xs" gap="xs">
        <Button
          size="xs"
          loading={save.isPending}
          onClick={() => save.mutate({ id: productId, variant_id: variant.id, ...variantInput(draft) })}
        >
          Save variant {variant.sku}
        </Button>
        <Button
          size="xs"
          variant="subtle"
          color="red"
          loading={remove.isPending}
          onClick={() => remove.mutate({ id: productId, variant_id: variant.id })}
        >
          Delete variant {variant.sku}
        </Button>
      </Group>
    </Paper>
  );
}

function NewVariant({ productId }: { productId: number }) {
  const trpc = useTRPC();
  const refresh = useRefreshProducts();
  const [draft, setDraft] = useState(emptyVariant);
  const add = useMutation(
    trpc.products.addVariant.mutationOptions({
      onSuccess: async () => {
        setDraft(emptyVariant());
        await refresh();
      },
    }),
  );
  const errors = fieldErrors(add.error);
  return (
    <Paper withBorder p="sm" bg="gray.0">
      <VariantFields draft={draft} label="New variant" errors={errors} onChange={setDraft} />
      <FormError error={add.error} mt="xs" />
      <Button
        mt="xs"
        size="xs"
        variant="light"
        loading={add.isPending}
        onClick={() => add.mutate({ id: productId, ...variantInput(draft) })}
      >
        Add variant
      </Button>
    </Paper>
  );
}
