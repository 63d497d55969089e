// Pure email building: fills the build-time templates and adds SPEC §5's headers. No React, no I/O.
import { COURSE_LENGTH } from '../course/course';
import type { RoleStep } from '../course/roles';
import { EMAIL_TEMPLATES, type EmailTemplateName } from '../generated/email-templates';
import type { OutgoingEmail } from '../channels/channel';
import { fillTemplate } from './fill-template';
import { plusAddress, type MessageLinks } from './links';
import { supportLineParts, supportLinePlaceholders } from './support-line';

export interface EmailSender {
  from: string;
  /** Inbound address for reflections (EMAIL_REPLY_TO), or null. */
  inboundAddress: string | null;
  postalAddress: string;
  supportLine: string;
  publicUrl: string;
}

export interface EmailRecipient {
  to: string;
  links: MessageLinks;
  /** Token for the per-subscriber Reply-To plus-address, and for the mailto unsubscribe. */
  replyToken: string;
  unsubscribeToken: string;
}

const COURSE_NAME = '30 steps to regain trust';

/** Subject lines, in one place so the admin preview and the sender agree. */
export const SUBJECTS = {
  confirmation: 'Please confirm your place in 30 steps to regain trust',
  welcome: 'Welcome to 30 steps to regain trust',
  completion: 'You have walked all 30 steps',
  /** Discreet on purpose: someone else may see the inbox. Never built from anything inbound. */
  supportLine: 'A note from us, in case it helps',
  step: (day: Pick<RoleStep, 'day' | 'title'>) => `Day ${day.day} of ${COURSE_LENGTH}: ${day.title}`,
} as const;

function render(name: EmailTemplateName, values: Record<string, string>): { html: string; text: string } {
  const template = EMAIL_TEMPLATES[name];
  return { html: fillTemplate(template.html, values, 'html'), text: fillTemplate(template.text, values, 'text') };
}

/** RFC 2369 / 8058 unsubscribe headers and List-Id (SPEC §5). */
export function listHeaders(sender: EmailSender, recipient: EmailRecipient): Record<string, string> {
  const mailto = plusAddress(sender.inboundAddress, recipient.unsubscribeToken);
  const targets = [`<${recipient.links.unsubscribeUrl}>`, ...(mailto ? [`<mailto:${mailto}?subject=unsubscribe>`] : [])];
  return {
    'List-Unsubscribe': targets.join(', '),
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    'List-Id': `${COURSE_NAME} <course.${new URL(sender.publicUrl).hostname}>`,
  };
}

function courseEmail(sender: EmailSender, recipient: EmailRecipient, subject: string, body: { html: string; text: string }): OutgoingEmail {
  return {
    to: recipient.to,
    from: sender.from,
    replyTo: plusAddress(sender.inboundAddress, recipient.replyToken),
    subject,
    ...body,
    headers: listHeaders(sender, recipient),
  };
}

function footerValues(sender: EmailSender, recipient: EmailRecipient): Record<string, string> {
  return { ...recipient.links, postalAddress: sender.postalAddress };
}

/** The support line in the parts the welcome needs to make its number one tappable link. */
function supportLineValues(sender: EmailSender): Record<string, string> {
  return supportLinePlaceholders(sender.supportLine);
}

/** The double opt-in email: one link, nothing else is sent until it is followed. */
export function buildConfirmationEmail(sender: EmailSender, to: string, confirmUrl: string): OutgoingEmail {
  const body = render('confirmation', { confirmUrl, postalAddress: sender.postalAddress });
  return { to, from: sender.from, replyTo: null, subject: SUBJECTS.confirmation, ...body, headers: {} };
}

/** The welcome: when Day 1 arrives and what it holds, a link to the introduction, the safety note, a sign-off. */
export function buildWelcomeEmail(sender: EmailSender, recipient: EmailRecipient, firstStepWhen: string): OutgoingEmail {
  const introductionUrl = `${sender.publicUrl}/introduction`;
  const body = render('welcome', { ...footerValues(sender, recipient), ...supportLineValues(sender), introductionUrl, firstStepWhen });
  return courseEmail(sender, recipient, SUBJECTS.welcome, body);
}

/** One day's step: title, quote, text, our practice and prompt, and the links. */
export function buildStepEmail(sender: EmailSender, recipient: EmailRecipient, day: RoleStep, dayUrl: string): OutgoingEmail {
  const body = render('daily-step', {
    ...footerValues(sender, recipient),
    dayNumber: String(day.day),
    title: day.title,
    quote: day.quote,
    text: day.text,
    practice: day.ours.practice,
    prompt: day.ours.prompt,
    dayUrl,
  });
  return courseEmail(sender, recipient, SUBJECTS.step(day), body);
}

/** The message after Day 30. */
export function buildCompletionEmail(sender: EmailSender, recipient: EmailRecipient): OutgoingEmail {
  return courseEmail(sender, recipient, SUBJECTS.completion, render('completion', footerValues(sender, recipient)));
}

/**
 * The answer, sent once, to a reflection that speaks of danger: the support line with its number as a non-breaking
 * `tel:` link, the journal and the way to pause there, and the usual footer and unsubscribe headers. Nothing of the
 * reflection or its email goes into it.
 */
export function buildSupportLineEmail(sender: EmailSender, recipient: EmailRecipient): OutgoingEmail {
  const links = { ...footerValues(sender, recipient), pauseUrl: `${recipient.links.journalUrl}#pause` };
  const parts = supportLineParts(sender.supportLine);
  const body = parts
    ? render('support-line', {
        ...links,
        supportLineName: parts.name,
        supportPhone: parts.phone,
        supportTelUrl: parts.telUrl,
        supportLineAfter: parts.after,
      })
    : render('support-line-without-number', links);
  return courseEmail(sender, recipient, SUBJECTS.supportLine, body);
}
