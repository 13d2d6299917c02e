import { Pending } from "./Pending.tsx";

// Waits for the review moderation procedures (queue, publish, hide).
export default function ReviewsPage() {
  return <Pending title="Reviews" needs="the review moderation queue (publish and hide)" />;
}
