import { Pending } from "./Pending.tsx";

// Waits for the webhook endpoint and delivery procedures.
export default function WebhooksPage() {
  return <Pending title="Webhooks" needs="webhook endpoints and their deliveries" />;
}
