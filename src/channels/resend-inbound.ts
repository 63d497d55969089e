// Reads a received email's content from Resend (webhooks carry metadata only); answers a result instead of throwing.
import { Resend, type GetReceivingEmailResponseSuccess } from 'resend';

export type ReceivedEmail = GetReceivingEmailResponseSuccess;

/** `retryable`: try again later (network, 429, 5xx, or a key Resend refuses). `permanent`: Resend has no such email. */
export type ReceivedEmailResult =
  | { outcome: 'ok'; email: ReceivedEmail }
  | { outcome: 'retryable'; error: string }
  | { outcome: 'permanent'; error: string };

/** GET {baseUrl}/emails/receiving/{emailId} with the API key as a bearer token. */
export async function fetchReceivedEmail(account: { apiKey: string; baseUrl: string }, emailId: string): Promise<ReceivedEmailResult> {
  const resend = new Resend(account.apiKey, { baseUrl: account.baseUrl });
  const { data, error } = await resend.emails.receiving.get(emailId);
  if (data) return { outcome: 'ok', email: data };
  const status = error?.statusCode ?? null;
  const description = `resend ${status ?? 'network'} ${error?.name ?? 'error'}: ${error?.message ?? 'no answer'}`.slice(0, 300);
  // 401/403 mean the key is wrong: the operator can fix it, and the webhook's retries then succeed.
  const permanent = status !== null && status >= 400 && status < 500 && ![401, 403, 408, 429].includes(status);
  return permanent ? { outcome: 'permanent', error: description } : { outcome: 'retryable', error: description };
}
