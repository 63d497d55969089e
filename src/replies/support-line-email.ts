// Pure: the short email that answers, once, a reflection speaking of violence or danger with the support line.
import type { OutgoingEmail } from '../channels/channel';

export interface SupportLineEmailInput {
  from: string;
  to: string;
  supportLine: string;
  /** The subject of the reply we answer, so the answer threads with it. */
  subject: string;
  /** The Message-ID of the reply we answer, or null. */
  inReplyTo: string | null;
}

const MESSAGE_ID = /^<[^<>\s]+>$/;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Paragraphs of the answer; the same words go in the text and HTML parts. */
export function supportLineParagraphs(supportLine: string): string[] {
  return [
    'Thank you for writing this down. Something in your reflection made us want to be sure you have this.',
    'Your safety matters more than any step of this course, and the course is not meant for a relationship where there is abuse or violence.',
    `If you are in danger now, call your local emergency number. For free, confidential support at any time, contact ${supportLine}.`,
    'Your reflection is kept in your private journal. No one needs to reply to this email.',
  ];
}

/** The support-line email for one subscriber, threaded under the reply that prompted it when its Message-ID is known. */
export function buildSupportLineEmail(input: SupportLineEmailInput): OutgoingEmail {
  const paragraphs = supportLineParagraphs(input.supportLine);
  const messageId = input.inReplyTo?.trim();
  const threaded: Record<string, string> = messageId && MESSAGE_ID.test(messageId) ? { 'In-Reply-To': messageId, References: messageId } : {};
  const subject = input.subject.trim() ? (/^re:/i.test(input.subject.trim()) ? input.subject.trim() : `Re: ${input.subject.trim()}`) : 'Your safety comes first';
  return {
    to: input.to,
    from: input.from,
    replyTo: null,
    subject,
    text: paragraphs.join('\n\n'),
    html: `<!doctype html><html><body>${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('')}</body></html>`,
    headers: threaded,
  };
}
