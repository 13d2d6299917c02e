import { Anchor, Button, Group, Pagination, Select, Stack, Text, TextInput, Title, VisuallyHidden } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { RouterOutputs } from "@shop/client";
import { Link } from "wouter";
import { useTRPC } from "../../api.ts";
import { useUser } from "../../session.tsx";
import { categoryOptions } from "../../ui/categories.ts";
import { errorDetail } from "../../ui/errors.ts";
import { QueryState } from "../../ui/QueryState.tsx";
import { ResponsiveList } from "../../ui/ResponsiveList.tsx";
import { StockInput } from "./StockInput.tsx";

const PAGE_SIZE = 10;
const ORDERINGS = [
  { value: "-created_at", label: "Newest" },
  { value: "name", label: "Name" },
  { value: "price", label: "Price, low to high" },
  { value: "-price", label: "Price, high to low" },
] as const;
type Ordering = (typeof ORDERINGS)[number]["value"];
type Product = RouterOutputs["products"]["list"]["results"][number];

export default function ProductsPage() {
  const trpc = useTRPC();
  const user = useUser();
  const queryClient = useQueryClient();
  const [search, setSearch] = useState("");
  const [query] = useDebouncedValue(search.trim(), 300);
  const [category, setCategory] = useState<string | null>(null);
  const [stock, setStock] = useState<string | null>(null);
  const [ordering, setOrdering] = useState<Ordering>("-created_at");
  const [page, setPage] = useState(1);

  const categories = useQuery(trpc.categories.list.queryOptions());
  const filters = {
    seller: user.id,
    ordering,
    page,
    page_size: PAGE_SIZE,
    ...(category && { category: Number(category) }),
    ...(stock && { in_stock: stock }),
  };
  const listed = useQuery({ ...trpc.products.list.queryOptions(filters), enabled: !query, placeholderData: keepPreviousData });
  // Search covers every seller's products: keep this seller's.
  const searched = useQuery({
    ...trpc.search.search.queryOptions({ q: query || "-", type: "product", limit: 50 }),
    enabled: Boolean(query),
    select: (found) => {
      const mine = (found.products ?? []).filter((product) => product.seller.id === user.id);
      return { count: mine.length, results: mine };
    },
  });
  const products = query ? searched : listed;
  const remove = useMutation(
    trpc.products.delete.mutationOptions({ onSuccess: () => queryClient.invalidateQueries(trpc.products.pathFilter()) }),
  );
  const categoryName = new Map(
    categoryOptions(categories.data ?? []).map((option) => [Number(option.value), option.label.split(" › ").at(-1)]),
  );

  const categoryOf = (product: Product) => categoryName.get(product.category) ?? product.category;
  const deleteButton = (product: Product) => (
    <Button
      size="xs"
      color="red"
      variant="subtle"
      aria-label={`Delete ${product.name}`}
      loading={remove.isPending && remove.variables?.id === product.id}
      onClick={() => {
        if (window.confirm(`Delete “${product.name}”? This cannot be undone.`)) remove.mutate({ id: product.id });
      }}
    >
      Delete
    </Button>
  );

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">
          Products
        </Title>
        <Button component={Link} href="/products/new">
          New product
        </Button>
      </Group>
      <Group align="end" gap="sm" wrap="wrap">
        <TextInput
          label="Search"
          type="search"
          placeholder="Name or SKU"
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
        />
        <Select
          label="Category"
          placeholder="All"
          clearable
          searchable
          data={categoryOptions(categories.data ?? [])}
          value={category}
          onChange={(value) => (setCategory(value), setPage(1))}
          disabled={Boolean(query)}
        />
        <Select
          label="Stock"
          placeholder="Any"
          clearable
          data={[
            { value: "true", label: "In stock" },
            { value: "false", label: "Out of stock" },
          ]}
          value={stock}
          onChange={(value) => (setStock(value), setPage(1))}
          disabled={Boolean(query)}
        />
        <Select
          label="Sort by"
          data={ORDERINGS.map((o) => ({ ...o }))}
          value={ordering}
          allowDeselect={false}
          onChange={(value) => value && setOrdering(value as Ordering)}
          disabled={Boolean(query)}
        />
      </Group>
      {remove.error ? (
        <Text c="red" role="alert">
          {errorDetail(remove.error)}
        </Text>
      ) : null}
      <QueryState
        query={products}
        label="products"
        isEmpty={(data) => data.results.length === 0}
        empty={query ? `No product of yours matches “${query}”.` : "No products yet. Create your first one."}
      >
        {(data) => (
          <>
            <ResponsiveList
              label="Your products"
              rows={data.results}
              rowKey={(product) => product.id}
              minWidth={560}
              columns={[
                { header: "Product", cell: (product) => <ProductLink product={product} /> },
                { header: "Variants and stock", cell: (product) => <VariantStock product={product} /> },
                { header: "From", cell: (product) => product.price_from },
                { header: "Category", cell: categoryOf },
                { header: <VisuallyHidden>Actions</VisuallyHidden>, cell: deleteButton },
              ]}
              card={(product) => (
                <Stack gap="xs">
                  <Group justify="space-between" wrap="nowrap" align="start">
                    <div>
                      <ProductLink product={product} />
                      <Text size="xs" c="dimmed">
                        From {product.price_from} · {categoryOf(product)}
                      </Text>
                    </div>
                    {deleteButton(product)}
                  </Group>
                  <VariantStock product={product} />
                </Stack>
              )}
            />
            {!query && data.count > PAGE_SIZE ? (
              <Pagination
                total={Math.ceil(data.count / PAGE_SIZE)}
                value={page}
                onChange={setPage}
                getControlProps={(control) => ({ "aria-label": `${control} page` })}
              />
            ) : null}
          </>
        )}
      </QueryState>
    </Stack>
  );
}

const ProductLink = ({ product }: { product: Product }) => (
  <Anchor component={Link} href={`/products/${product.id}`}>
    {product.name}
  </Anchor>
);

/** Each variant's SKU with its stock, editable in place. */
const VariantStock = ({ product }: { product: Product }) => (
  <Stack gap={4}>
    {product.variants.map((variant) => (
      <Group key={variant.id} gap="xs" wrap="nowrap">
        <Text size="xs" ff="monospace" w={110} truncate>
          {variant.sku}
        </Text>
        <StockInput productId={product.id} variant={variant} />
      </Group>
    ))}
  </Stack>
);
