// What happened to one attempt to deliver a message to a channel.
export type DeliveryResult =
  | { kind: 'sent' }
  // Try again, not before afterMs (a rate limit's retry_after, or back-off).
  | { kind: 'retry'; afterMs: number | null; error: string }
  // The channel itself is wrong (bad token, unknown chat, bot blocked): retrying cannot help.
  | { kind: 'failed'; error: string };
