import { Badge } from "@mantine/core";

export type LiveState = "connecting" | "live" | "offline";

const SHOWN: Record<LiveState, { color: string; text: string; label: string }> = {
  live: { color: "teal", text: "Live", label: "Live updates: connected" },
  connecting: { color: "yellow", text: "Connecting…", label: "Live updates: connecting" },
  offline: { color: "red", text: "Offline", label: "Live updates: disconnected, retrying" },
};

/** Whether a page's live updates are flowing, for eyes (a dot) and for screen readers (its label). */
export function LiveStatus({ state }: { state: LiveState }) {
  const shown = SHOWN[state];
  return (
    <Badge variant="dot" color={shown.color} role="status" aria-label={shown.label} data-state={state}>
      {shown.text}
    </Badge>
  );
}
