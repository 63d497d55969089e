// Reads the local worker's outbox (GET /dev/outbox.json) and runs its cron, so tests observe sends over HTTP only.
export interface OutboxMessage {
  id: number;
  channel: 'email' | 'sms';
  to_address: string;
  subject: string | null;
  text: string;
  html: string | null;
  headers: Record<string, string> | null;
  created_at: number;
}

/** Every message the worker has stored instead of sending, in the order the server lists them. */
export async function readOutbox(baseUrl: string): Promise<OutboxMessage[]> {
  const response = await fetch(`${baseUrl}/dev/outbox.json`);
  if (!response.ok) throw new Error(`GET /dev/outbox.json answered ${response.status}`);
  return ((await response.json()) as { messages: OutboxMessage[] }).messages;
}

/** Messages to one address (email or phone number). */
export async function outboxFor(baseUrl: string, address: string): Promise<OutboxMessage[]> {
  return (await readOutbox(baseUrl)).filter((message) => message.to_address === address);
}

/**
 * Polls the outbox until `found` returns a message, for sends that happen later (queue consumers).
 * Rejects after `timeoutMs` with what the outbox held.
 */
export async function waitForOutboxMessage(
  baseUrl: string,
  found: (message: OutboxMessage) => boolean,
  timeoutMs = 15_000,
): Promise<OutboxMessage> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const messages = await readOutbox(baseUrl);
    const match = messages.find(found);
    if (match) return match;
    if (Date.now() > deadline) {
      throw new Error(`No matching outbox message after ${timeoutMs} ms; outbox has: ${messages.map((m) => `${m.to_address} "${m.subject ?? m.text.slice(0, 40)}"`).join(', ') || 'nothing'}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * Runs the worker's cron as if it fired at `scheduledTime` (ms since the epoch), through wrangler's
 * local `/cdn-cgi/handler/scheduled` endpoint. Deliveries then go through the queue, so poll for them.
 */
export async function runCronTick(baseUrl: string, scheduledTime: number): Promise<void> {
  const query = new URLSearchParams({ cron: '*/15 * * * *', time: String(scheduledTime) });
  const response = await fetch(`${baseUrl}/cdn-cgi/handler/scheduled?${query}`);
  if (!response.ok) throw new Error(`The scheduled handler answered ${response.status}: ${await response.text()}`);
}
