import "@mantine/core/styles.css";
import { Center, Loader, MantineProvider } from "@mantine/core";
import { QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { Router } from "wouter";
import { queryClient, shop, TRPCProvider } from "./api.ts";
import { Layout } from "./Layout.tsx";
import { preloadPage } from "./pages.ts";
import { SessionProvider, useSession } from "./session.tsx";
import { SignIn } from "./SignIn.tsx";

function App() {
  const { state } = useSession();
  if (state.status === "loading") {
    return (
      <Center mih="100vh" role="status">
        <Loader aria-label="Loading" />
      </Center>
    );
  }
  return state.status === "signed-in" ? <Layout /> : <SignIn />;
}

preloadPage(window.location.pathname.replace(/^\/dashboard/, ""));

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <MantineProvider>
      <QueryClientProvider client={queryClient}>
        <TRPCProvider trpcClient={shop} queryClient={queryClient}>
          <Router base="/dashboard">
            <SessionProvider>
              <App />
            </SessionProvider>
          </Router>
        </TRPCProvider>
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
