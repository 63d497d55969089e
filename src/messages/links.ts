// The absolute links every message carries, built from PUBLIC_URL and a subscriber's signed tokens.
export interface SubscriberTokens {
  unsubscribe: string;
  journal: string;
  reply: string;
}

export interface MessageLinks {
  unsubscribeUrl: string;
  journalUrl: string;
}

/** Links for one subscriber's messages. */
export function buildLinks(publicUrl: string, tokens: Pick<SubscriberTokens, 'unsubscribe' | 'journal'>): MessageLinks {
  return { unsubscribeUrl: `${publicUrl}/u/${tokens.unsubscribe}`, journalUrl: journalUrl(publicUrl, tokens.journal) };
}

/** The private journal page for a journal token. */
export function journalUrl(publicUrl: string, journalToken: string): string {
  return `${publicUrl}/journal/${journalToken}`;
}

/** The web page of step `day`. */
export function dayUrl(publicUrl: string, day: number): string {
  return `${publicUrl}/day/${day}`;
}

/** The confirmation link of a pending email signup. */
export function confirmUrl(publicUrl: string, confirmToken: string): string {
  return `${publicUrl}/confirm?token=${confirmToken}`;
}

/** `reflections+TOKEN@in.example.com` for `reflections@in.example.com`; null when no inbound address is configured. */
export function plusAddress(inboundAddress: string | null, token: string): string | null {
  if (!inboundAddress) return null;
  const at = inboundAddress.lastIndexOf('@');
  if (at <= 0) return null;
  return `${inboundAddress.slice(0, at)}+${token}${inboundAddress.slice(at)}`;
}
