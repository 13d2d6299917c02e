import { useQueryClient } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import { useTRPC } from "../../api.ts";
import type { LiveState } from "../../ui/LiveStatus.tsx";

/** How long a closed stream waits before it is opened again. */
const RECONNECT_AFTER_MS = 2_000;

/**
 * The seller's order events (`seller.onEvent`, Server-Sent Events): each one refetches the
 * `fulfilment.sellerItems` queries, so a new paid order shows up without polling. So does each
 * connection, for an order paid after the last read and before the stream started. A dropped
 * connection is resumed by the event source itself (Last-Event-ID); a stream the server ended or
 * refused (a restart, an expired token) is opened again after a pause, from the last event seen,
 * once a refetch has renewed the access token (or found the session over, which signs out).
 */
export function useSellerEvents(): LiveState {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const lastSeen = useRef<string | null>(null);
  const [resumeFrom, setResumeFrom] = useState<string | null>(null);
  // Counts the reopenings, so that one which fails without a change of status is retried too.
  const [attempts, setAttempts] = useState(0);
  const refetchItems = useCallback(
    () => queryClient.invalidateQueries(trpc.fulfilment.sellerItems.pathFilter()),
    [queryClient, trpc],
  );
  // A first read still under way may predate the stream, and would be joined, not repeated.
  const rereadItems = useCallback(
    () => queryClient.cancelQueries(trpc.fulfilment.sellerItems.pathFilter()).then(refetchItems),
    [queryClient, trpc, refetchItems],
  );

  const subscription = useSubscription(
    trpc.seller.onEvent.subscriptionOptions(resumeFrom === null ? undefined : { lastEventId: resumeFrom }, {
      onStarted: () => void rereadItems(),
      onData: (event) => {
        lastSeen.current = event.id;
        void refetchItems();
      },
    }),
  );

  const { status, reset } = subscription;
  useEffect(() => {
    if (status !== "error" && status !== "idle") return;
    const timer = window.setTimeout(() => {
      // The refetch goes through the client's auth link, which renews a stale access token.
      void refetchItems().finally(() => {
        if (lastSeen.current !== resumeFrom) setResumeFrom(lastSeen.current);
        else reset();
        setAttempts((n) => n + 1);
      });
    }, RECONNECT_AFTER_MS);
    return () => window.clearTimeout(timer);
  }, [status, attempts, resumeFrom, reset, refetchItems]);

  if (status === "pending") return "live";
  return status === "connecting" ? "connecting" : "offline";
}
