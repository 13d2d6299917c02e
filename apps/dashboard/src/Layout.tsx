import { AppShell, Burger, Button, Center, Group, Loader, NavLink, Text, Title } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { Suspense, useEffect, useRef } from "react";
import { Link, Redirect, Route, Switch, useLocation } from "wouter";
import { pagesFor } from "./pages.ts";
import { useSession, useUser } from "./session.tsx";
import { PageErrorBoundary } from "./ui/PageErrorBoundary.tsx";

export function Layout() {
  const user = useUser();
  const { signOut } = useSession();
  const [opened, { toggle, close }] = useDisclosure(false);
  const [location] = useLocation();
  const pages = pagesFor(user);
  const home = pages[0]!.path;
  // After moving to another page, focus goes to its content, so keyboard and screen-reader users start there.
  const main = useRef<HTMLElement>(null);
  const previous = useRef(location);
  useEffect(() => {
    if (previous.current !== location) main.current?.focus();
    previous.current = location;
  }, [location]);
  // The other pages' chunks load once the first page is up, so moving between pages never waits.
  useEffect(() => {
    const idle = window.setTimeout(() => pages.forEach((page) => void page.load().catch(() => {})), 1_000);
    return () => window.clearTimeout(idle);
  }, [pages]);

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 220, breakpoint: "sm", collapsed: { mobile: !opened } }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Toggle navigation" />
            <Title order={2} size="h4">
              Shop Luxe
            </Title>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Text size="sm" c="dimmed" visibleFrom="xs">
              {user.username} · {user.role === "admin" ? "staff" : "seller"}
            </Text>
            <Button variant="default" size="xs" onClick={() => void signOut()}>
              Sign out
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label="Main">
        {pages
          .filter((page) => page.label)
          .map((page) => (
            <NavLink
              key={page.path}
              component={Link}
              href={page.path}
              label={page.label}
              active={location === page.path || location.startsWith(`${page.path}/`)}
              aria-current={location === page.path ? "page" : undefined}
              onClick={close}
            />
          ))}
      </AppShell.Navbar>
      <AppShell.Main ref={main} tabIndex={-1} style={{ outline: "none" }}>
        <PageErrorBoundary resetKey={location}>
          <Suspense
            fallback={
              <Center py="xl" role="status">
                <Loader size="sm" aria-label="Loading page" />
              </Center>
            }
          >
            <Switch>
              {pages.map(({ path, page: Page }) => (
                <Route key={path} path={path}>
                  <Page />
                </Route>
              ))}
              <Route>
                <Redirect to={home} replace />
              </Route>
            </Switch>
          </Suspense>
        </PageErrorBoundary>
      </AppShell.Main>
    </AppShell>
  );
}
