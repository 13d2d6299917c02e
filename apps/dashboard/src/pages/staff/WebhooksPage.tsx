import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Code,
  CopyButton,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import type { RouterInputs, RouterOutputs } from "@shop/client";
import { useTRPC } from "../../api.ts";
import { errorDetail, fieldErrors } from "../../ui/errors.ts";
import { formatTime } from "../../ui/format.ts";
import { FormError } from "../../ui/FormError.tsx";
import { QueryState } from "../../ui/QueryState.tsx";
import { Deliveries } from "./WebhookDeliveries.tsx";

type EventType = RouterInputs["webhooks"]["create"]["events"][number];
type Endpoint = RouterOutputs["webhooks"]["list"][number];

/** Every event an endpoint can subscribe to (API.md §9); the type makes a new event fail to compile until it is here. */
const EVENTS: Record<EventType, string> = {
  "order.created": "Order placed",
  "order.paid": "Order paid",
  "order.shipped": "Order shipped",
  "order.delivered": "Order delivered",
  "order.cancelled": "Order cancelled",
  "order.refunded": "Order refunded",
  "product.created": "Product created",
  "product.updated": "Product updated",
  "product.deleted": "Product deleted",
};

export default function WebhooksPage() {
  const trpc = useTRPC();
  const endpoints = useQuery(trpc.webhooks.list.queryOptions());
  return (
    <Stack>
      <Title order={1} size="h2">
        Webhooks
      </Title>
      <AddEndpoint />
      <QueryState
        query={endpoints}
        label="webhook endpoints"
        isEmpty={(data) => data.length === 0}
        empty="No endpoints yet: add one above to send events to an integrator."
      >
        {(data) => (
          <Stack gap="md" role="list" aria-label="Webhook endpoints">
            {data.map((endpoint) => (
              <EndpointCard key={endpoint.id} endpoint={endpoint} />
            ))}
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}

function AddEndpoint() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [url, setUrl] = useState("");
  const [events, setEvents] = useState<EventType[]>([]);
  const [description, setDescription] = useState("");
  const create = useMutation(
    trpc.webhooks.create.mutationOptions({
      onSuccess: async () => {
        setUrl("");
        setEvents([]);
        setDescription("");
        await queryClient.invalidateQueries(trpc.webhooks.list.pathFilter());
      },
    }),
  );
  const errors = fieldErrors(create.error);
  // An unknown event would be reported as `events.0`; the checkboxes offer only known ones, but say so next to them anyway.
  const eventsError = errors.events ?? Object.entries(errors).find(([name]) => name.startsWith("events."))?.[1];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ url, events, description });
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="add-endpoint-title">
      <form onSubmit={submit} noValidate>
        <Stack gap="xs">
          <Title order={2} size="h4" id="add-endpoint-title">
            Add an endpoint
          </Title>
          {create.isSuccess ? <NewSecret endpoint={create.data} onDone={() => create.reset()} /> : null}
          <FormError error={create.error} />
          <TextInput
            label="Endpoint URL"
            placeholder="https://erp.example.com/hooks/shop"
            required
            type="url"
            autoComplete="off"
            value={url}
            error={errors.url}
            onChange={(e) => setUrl(e.currentTarget.value)}
          />
          {/* With an id, Mantine names the group by its label and describes it by the error. */}
          <Checkbox.Group
            id="webhook-events"
            label="Events"
            description="The endpoint is sent these events."
            withAsterisk
            value={events}
            error={eventsError}
            onChange={(value) => setEvents(value as EventType[])}
          >
            <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="xs" verticalSpacing={6} mt={6}>
              {Object.entries(EVENTS).map(([value, label]) => (
                <Checkbox key={value} value={value} label={`${label} (${value})`} size="sm" />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
          <TextInput
            label="Description"
            placeholder="Who receives it, e.g. the ERP"
            value={description}
            error={errors.description}
            onChange={(e) => setDescription(e.currentTarget.value)}
          />
          <Group>
            <Button type="submit" loading={create.isPending}>
              Add endpoint
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** The signing secret is in the create answer only: shown here once, to be copied to the integrator. */
function NewSecret({ endpoint, onDone }: { endpoint: Endpoint & { secret: string }; onDone: () => void }) {
  return (
    <Alert color="teal" role="status" title="Endpoint added">
      <Stack gap="xs">
        <Text size="sm" style={{ overflowWrap: "anywhere" }}>
          Give the integrator at {endpoint.url} this signing secret. It is shown only now.
        </Text>
        <Code block aria-label="Signing secret" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
          {endpoint.secret}
        </Code>
        <Group gap="xs">
          <CopyButton value={endpoint.secret}>
            {({ copied, copy }) => (
              <Button size="xs" variant="light" onClick={copy}>
                {copied ? "Copied" : "Copy secret"}
              </Button>
            )}
          </CopyButton>
          <Button size="xs" variant="subtle" onClick={onDone}>
            Done
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}

function EndpointCard({ endpoint }: { endpoint: Endpoint }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const remove = useMutation(
    trpc.webhooks.remove.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(trpc.webhooks.list.pathFilter()),
    }),
  );
  return (
    <Paper withBorder p="md" role="listitem" aria-label={`Endpoint ${endpoint.url}`}>
      <Stack gap="xs">
        <Group justify="space-between" align="start" wrap="nowrap" gap="xs">
          <div style={{ minWidth: 0 }}>
            <Text fw={600} ff="monospace" size="sm" style={{ overflowWrap: "anywhere" }}>
              {endpoint.url}
            </Text>
            <Text size="xs" c="dimmed">
              {endpoint.description ? `${endpoint.description} · ` : ""}added {formatTime(endpoint.created_at)}
            </Text>
          </div>
          <Button
            size="xs"
            variant="subtle"
            color="red"
            style={{ flexShrink: 0 }}
            aria-label={`Remove the endpoint ${endpoint.url}`}
            loading={remove.isPending}
            onClick={() => {
              if (window.confirm(`Remove ${endpoint.url}? It receives no more events; its delivery log goes with it.`))
                remove.mutate({ id: endpoint.id });
            }}
          >
            Remove
          </Button>
        </Group>
        <Group gap={4} aria-label="Subscribed events">
          {endpoint.events.map((event) => (
            <Badge key={event} variant="outline" size="sm" tt="none">
              {event}
            </Badge>
          ))}
        </Group>
        {remove.error ? (
          <Text c="red" size="sm" role="alert">
            {errorDetail(remove.error)}
          </Text>
        ) : null}
        <Deliveries endpoint={endpoint} />
      </Stack>
    </Paper>
  );
}
