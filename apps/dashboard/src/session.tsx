import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { queryClient, resume, signIn, signOut, whenSignedOut, type User } from "./api.ts";

type SessionState = { status: "loading" } | { status: "signed-out" } | { status: "signed-in"; user: User };

interface Session {
  state: SessionState;
  signIn(username: string, password: string): Promise<void>;
  signOut(): Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

// Started as the script loads, not after the first render: the page's data waits on it.
const resumed = resume();

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: "loading" });

  useEffect(() => {
    whenSignedOut(() => {
      queryClient.clear();
      setState({ status: "signed-out" });
    });
    resumed.then(
      (session) => setState(session ? { status: "signed-in", user: session.user } : { status: "signed-out" }),
      () => setState({ status: "signed-out" }),
    );
  }, []);

  const doSignIn = useCallback(async (username: string, password: string) => {
    const session = await signIn(username, password);
    setState({ status: "signed-in", user: session.user });
  }, []);

  const doSignOut = useCallback(async () => {
    await signOut();
    queryClient.clear();
    setState({ status: "signed-out" });
  }, []);

  const value = useMemo(() => ({ state, signIn: doSignIn, signOut: doSignOut }), [state, doSignIn, doSignOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error("useSession outside SessionProvider");
  return session;
}

/** The signed-in user; only for pages under the signed-in layout. */
export function useUser(): User {
  const { state } = useSession();
  if (state.status !== "signed-in") throw new Error("useUser while signed out");
  return state.user;
}
