import { Alert, Badge, Button, Group, Pagination, Paper, SegmentedControl, Stack, Text, TextInput, Title } from "@mantine/core";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import type { RouterInputs, RouterOutputs } from "@shop/client";
import { useTRPC } from "../../api.ts";
import { errorDetail, fieldErrors } from "../../ui/errors.ts";
import { formatTime } from "../../ui/format.ts";
import { QueryState } from "../../ui/QueryState.tsx";

type Status = NonNullable<RouterInputs["reviews"]["moderationQueue"]["status"]>;
type Review = RouterOutputs["reviews"]["moderationQueue"]["results"][number];
/** The last moderation done on the page, said back with the product's rating after it. */
type Done = { review: Review; verb: "Hid" | "Published" };

const FILTERS: { value: Status; label: string }[] = [
  { value: "pending", label: "Pending" },
  { value: "published", label: "Published" },
  { value: "hidden", label: "Hidden" },
];
const STATUS_COLOR: Record<Status, string> = { pending: "yellow", published: "teal", hidden: "gray" };
const PAGE_SIZE = 20;

export default function ReviewsPage() {
  const trpc = useTRPC();
  const [status, setStatus] = useState<Status>("pending");
  const [page, setPage] = useState(1);
  const [done, setDone] = useState<Done | null>(null);
  const reviews = useQuery({
    ...trpc.reviews.moderationQueue.queryOptions({ status, page, page_size: PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
  const pages = Math.ceil((reviews.data?.count ?? 0) / PAGE_SIZE);

  return (
    <Stack>
      <Title order={1} size="h2">
        Reviews
      </Title>
      <SegmentedControl
        aria-label="Which reviews"
        data={FILTERS}
        value={status}
        onChange={(value) => (setStatus(value as Status), setPage(1), setDone(null))}
        w="fit-content"
      />
      {done ? (
        <Alert color="teal" role="status" withCloseButton closeButtonLabel="Dismiss" onClose={() => setDone(null)}>
          {done.verb} the review by {done.review.user.username}. {done.review.product.name} is now rated{" "}
          <ProductRating productId={done.review.product.id} />.
        </Alert>
      ) : null}
      <QueryState
        query={reviews}
        label="reviews"
        isEmpty={(data) => data.results.length === 0}
        empty={status === "pending" ? "No reviews wait for moderation." : `No ${status} reviews.`}
      >
        {(data) => (
          <Stack gap="sm" aria-label={`${FILTERS.find((f) => f.value === status)!.label} reviews`} role="list">
            {data.results.map((review) => (
              <ReviewCard key={review.id} review={review} onDone={setDone} />
            ))}
          </Stack>
        )}
      </QueryState>
      {pages > 1 ? <Pagination total={pages} value={page} onChange={setPage} aria-label="Pages of reviews" /> : null}
    </Stack>
  );
}

/** The product's rating as shoppers see it (GET /api/products/{id}/): it changes as reviews are published or hidden. */
function ProductRating({ productId }: { productId: number }) {
  const trpc = useTRPC();
  const product = useQuery(trpc.products.get.queryOptions({ id: productId }));
  if (product.isPending) return <span>…</span>;
  if (!product.data) return <span>unknown (the product is gone)</span>;
  const { average_rating, review_count } = product.data;
  const count = `${review_count} published review${review_count === 1 ? "" : "s"}`;
  return <span>{average_rating === null ? `— (${count})` : `★ ${average_rating.toFixed(1)} (${count})`}</span>;
}

function Stars({ rating }: { rating: number }) {
  return (
    <Text span c="yellow.8" role="img" aria-label={`${rating} of 5 stars`}>
      {"★".repeat(rating)}
      {"☆".repeat(5 - rating)}
    </Text>
  );
}

function ReviewCard({ review, onDone }: { review: Review; onDone: (done: Done) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [hiding, setHiding] = useState(false);
  const [reason, setReason] = useState("");
  const refresh = async (verb: Done["verb"]) => {
    onDone({ review, verb });
    await Promise.all([
      queryClient.invalidateQueries(trpc.reviews.pathFilter()),
      queryClient.invalidateQueries(trpc.products.get.queryFilter({ id: review.product.id })),
    ]);
  };
  const publish = useMutation(trpc.reviews.publish.mutationOptions({ onSuccess: () => refresh("Published") }));
  const hide = useMutation(trpc.reviews.hide.mutationOptions({ onSuccess: () => refresh("Hid") }));
  const errors = fieldErrors(hide.error);
  const name = `Review by ${review.user.username} of ${review.product.name}`;
  const submitHide = (event: FormEvent) => {
    event.preventDefault();
    hide.mutate({ id: review.id, ...(reason.trim() && { reason }) });
  };

  return (
    <Paper withBorder p="sm" role="listitem" aria-label={name}>
      <Stack gap={6}>
        <Group justify="space-between" align="start" wrap="nowrap" gap="xs">
          <div style={{ minWidth: 0 }}>
            <Text fw={600} style={{ overflowWrap: "anywhere" }}>
              {review.product.name}
            </Text>
            <Text size="xs" c="dimmed">
              Product rating: <ProductRating productId={review.product.id} />
            </Text>
          </div>
          <Badge variant="light" color={STATUS_COLOR[review.status]} style={{ flexShrink: 0 }}>
            {review.status}
          </Badge>
        </Group>
        <Group gap="xs" wrap="wrap">
          <Stars rating={review.rating} />
          <Text size="sm" c="dimmed">
            by {review.user.username} · {formatTime(review.created_at)}
          </Text>
        </Group>
        <Text size="sm" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
          {review.comment || (
            <Text span c="dimmed">
              (no comment)
            </Text>
          )}
        </Text>
        {review.status === "hidden" && review.hidden_at ? (
          <Text size="xs" c="dimmed">
            Hidden {formatTime(review.hidden_at)}
            {review.hidden_by ? ` by ${review.hidden_by.username}` : ""}
            {review.hidden_reason ? `: ${review.hidden_reason}` : ""}
          </Text>
        ) : null}
        {(publish.error ?? (hide.error && !errors.reason)) ? (
          <Text c="red" size="sm" role="alert">
            {errorDetail(publish.error ?? hide.error)}
          </Text>
        ) : null}
        {hiding ? (
          <form onSubmit={submitHide} noValidate>
            <Group align="end" gap="xs" wrap="wrap">
              <TextInput
                size="xs"
                label="Reason for hiding (optional)"
                value={reason}
                error={errors.reason}
                onChange={(e) => setReason(e.currentTarget.value)}
                style={{ flex: "1 1 200px" }}
                autoFocus
              />
              <Button size="xs" color="red" type="submit" loading={hide.isPending}>
                Hide review
              </Button>
              <Button size="xs" variant="subtle" onClick={() => (setHiding(false), hide.reset())}>
                Cancel
              </Button>
            </Group>
          </form>
        ) : (
          <Group gap="xs">
            {review.status !== "published" ? (
              <Button
                size="xs"
                aria-label={`Publish the review by ${review.user.username} of ${review.product.name}`}
                loading={publish.isPending}
                onClick={() => publish.mutate({ id: review.id })}
              >
                Publish
              </Button>
            ) : null}
            {review.status !== "hidden" ? (
              <Button
                size="xs"
                variant="light"
                color="red"
                aria-label={`Hide the review by ${review.user.username} of ${review.product.name}`}
                onClick={() => setHiding(true)}
              >
                Hide
              </Button>
            ) : null}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
