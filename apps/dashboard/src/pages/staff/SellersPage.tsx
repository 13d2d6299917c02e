import { Badge, Button, Group, Paper, PasswordInput, SimpleGrid, Stack, Text, TextInput, Title } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import type { RouterOutputs } from "@shop/client";
import { useTRPC } from "../../api.ts";
import { errorDetail, fieldErrors } from "../../ui/errors.ts";
import { FormError } from "../../ui/FormError.tsx";
import { QueryState } from "../../ui/QueryState.tsx";
import { ResponsiveList } from "../../ui/ResponsiveList.tsx";

type Seller = RouterOutputs["admin"]["listSellers"][number];

export default function SellersPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const sellers = useQuery(trpc.admin.listSellers.queryOptions());
  const refresh = () => queryClient.invalidateQueries(trpc.admin.listSellers.pathFilter());
  const revoke = useMutation(trpc.admin.revokeSeller.mutationOptions({ onSuccess: refresh }));

  const revokeButton = (seller: Seller) => (
    <Button
      size="xs"
      variant="subtle"
      color="red"
      aria-label={`Revoke ${seller.username}`}
      loading={revoke.isPending && revoke.variables?.email === seller.email}
      onClick={() => {
        if (window.confirm(`Make ${seller.username} a customer again? Their sessions end.`)) {
          revoke.mutate({ email: seller.email });
        }
      }}
    >
      Revoke
    </Button>
  );

  return (
    <Stack>
      <Title order={1} size="h2">
        Sellers
      </Title>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <OnboardSeller onDone={refresh} />
        <PromoteCustomer onDone={refresh} />
      </SimpleGrid>
      {revoke.error ? (
        <Text c="red" role="alert">
          {errorDetail(revoke.error)}
        </Text>
      ) : null}
      <QueryState query={sellers} label="sellers" isEmpty={(data) => data.length === 0} empty="No sellers yet.">
        {(data) => (
          <ResponsiveList
            label="Sellers"
            rows={data}
            rowKey={(seller) => seller.id}
            columns={[
              { header: "Username", cell: (seller) => seller.username },
              { header: "Email", cell: (seller) => seller.email },
              { header: "Status", cell: (seller) => <SellerStatus seller={seller} /> },
              { header: "Action", cell: revokeButton },
            ]}
            card={(seller) => (
              <Group justify="space-between" wrap="nowrap" align="start">
                <div style={{ minWidth: 0 }}>
                  <Group gap="xs">
                    <Text fw={500}>{seller.username}</Text>
                    <SellerStatus seller={seller} />
                  </Group>
                  <Text size="sm" c="dimmed" style={{ overflowWrap: "anywhere" }}>
                    {seller.email}
                  </Text>
                </div>
                {revokeButton(seller)}
              </Group>
            )}
          />
        )}
      </QueryState>
    </Stack>
  );
}

const SellerStatus = ({ seller }: { seller: Seller }) => (
  <Badge variant="light" color={seller.is_active ? "teal" : "gray"} style={{ flexShrink: 0 }}>
    {seller.is_active ? "active" : "not verified"}
  </Badge>
);

function OnboardSeller({ onDone }: { onDone: () => unknown }) {
  const trpc = useTRPC();
  const [values, setValues] = useState({ username: "", email: "", password: "", first_name: "", last_name: "" });
  const create = useMutation(
    trpc.admin.createSeller.mutationOptions({
      onSuccess: async () => {
        setValues({ username: "", email: "", password: "", first_name: "", last_name: "" });
        await onDone();
      },
    }),
  );
  const errors = fieldErrors(create.error);
  const field = (name: keyof typeof values) => ({
    value: values[name],
    error: errors[name],
    onChange: (e: { currentTarget: { value: string } }) => {
      const value = e.currentTarget.value; // read now: the event is gone when the updater runs
      setValues((v) => ({ ...v, [name]: value }));
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(values);
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="onboard-title">
      <form onSubmit={submit} noValidate>
        <Stack gap="xs">
          <Title order={2} size="h4" id="onboard-title">
            Onboard a seller
          </Title>
          {create.isSuccess ? (
            <Text c="teal" role="status">
              Seller {create.data.username} created; a welcome email is on its way.
            </Text>
          ) : null}
          <FormError error={create.error} />
          <TextInput label="Seller username" required autoComplete="off" {...field("username")} />
          <TextInput label="Seller email" required type="email" autoComplete="off" {...field("email")} />
          <PasswordInput label="Initial password" required autoComplete="new-password" {...field("password")} />
          <Group grow>
            <TextInput label="First name" {...field("first_name")} />
            <TextInput label="Last name" {...field("last_name")} />
          </Group>
          <Button type="submit" loading={create.isPending}>
            Create seller
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}

function PromoteCustomer({ onDone }: { onDone: () => unknown }) {
  const trpc = useTRPC();
  const [email, setEmail] = useState("");
  const promote = useMutation(
    trpc.admin.promoteToSeller.mutationOptions({
      onSuccess: async () => {
        setEmail("");
        await onDone();
      },
    }),
  );
  const errors = fieldErrors(promote.error);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="promote-title">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          promote.mutate({ email });
        }}
        noValidate
      >
        <Stack gap="xs">
          <Title order={2} size="h4" id="promote-title">
            Promote a customer
          </Title>
          {promote.isSuccess ? (
            <Text c="teal" role="status">
              {promote.data.username} is now a seller.
            </Text>
          ) : null}
          <TextInput
            label="Customer email"
            type="email"
            required
            value={email}
            error={errors.email ?? (promote.error && !errors.email ? errorDetail(promote.error) : undefined)}
            onChange={(e) => setEmail(e.currentTarget.value)}
          />
          <Button type="submit" variant="light" loading={promote.isPending}>
            Promote to seller
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
