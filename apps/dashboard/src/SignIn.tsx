import { Alert, Button, Center, Paper, PasswordInput, Stack, TextInput, Title, Text } from "@mantine/core";
import { useState, type FormEvent } from "react";
import { useSession } from "./session.tsx";
import { errorDetail, fieldErrors } from "./ui/errors.ts";

export function SignIn() {
  const { signIn } = useSession();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    try {
      await signIn(String(form.get("username") ?? ""), String(form.get("password") ?? ""));
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  }

  const fields = fieldErrors(error);
  return (
    <Center mih="100vh" p="md" component="main">
      <Paper withBorder shadow="sm" p="xl" w="100%" maw={380}>
        <form onSubmit={submit} noValidate aria-labelledby="sign-in-title">
          <Stack>
            <div>
              <Title order={1} size="h2" id="sign-in-title">
                Shop Luxe dashboard
              </Title>
              <Text c="dimmed" size="sm">
                For sellers and staff.
              </Text>
            </div>
            {error !== null && !fields.username && !fields.password ? (
              <Alert color="red" role="alert">
                {errorDetail(error)}
              </Alert>
            ) : null}
            <TextInput
              label="Username"
              name="username"
              autoComplete="username"
              required
              withAsterisk={false}
              error={fields.username}
              data-autofocus
            />
            <PasswordInput
              label="Password"
              name="password"
              autoComplete="current-password"
              required
              withAsterisk={false}
              error={fields.password}
            />
            <Button type="submit" loading={busy}>
              Sign in
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
