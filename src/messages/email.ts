// Pure email building: fills the build-time templates and adds SPEC §5's headers. No React, no I/O.
import type { Config } from '../config';
import type { Course, CourseDay } from '../course/model';
import { EMAIL_TEMPLATES, type EmailTemplateName } from '../generated/email-templates';
import { messagesFor } from '../i18n/messages';
import type { OutgoingEmail } from '../channels/channel';
import { fillTemplate } from './fill-template';
import { plusAddress, type MessageLinks } from './links';
import { supportLineParts } from './support-line';

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

/** Subject lines of a course, in its language, in one place so the admin preview and the sender agree. */
export function subjectsOf(course: Course) {
  const { subjects } = messagesFor(course.language).email;
  return {
    confirmation: subjects.confirmation(course.title),
    welcome: subjects.welcome(course.title),
    completion: subjects.completion(course.days.length),
    step: (day: CourseDay) => subjects.step(day.day, course.days.length, day.title),
  };
}

/** Discreet on purpose: someone else may see the inbox. Never built from anything inbound. */
export const SUPPORT_LINE_SUBJECT = 'A note from us, in case it helps';

function render(course: Course, name: EmailTemplateName, values: Record<string, string>): { html: string; text: string } {
  const template = EMAIL_TEMPLATES[course.id]?.[name];
  if (!template) throw new Error(`No ${name} email was built for course ${course.id}`);
  return { html: fillTemplate(template.html, values, 'html'), text: fillTemplate(template.text, values, 'text') };
}

/** The host of PUBLIC_URL, parsed once: every email's List-Id carries it. */
const hostnames = new Map<string, string>();
function hostnameOf(publicUrl: string): string {
  let hostname = hostnames.get(publicUrl);
  if (hostname === undefined) {
    hostname = new URL(publicUrl).hostname;
    hostnames.set(publicUrl, hostname);
  }
  return hostname;
}

/** RFC 2369 / 8058 unsubscribe headers and List-Id (SPEC §5). */
export function listHeaders(sender: EmailSender, recipient: EmailRecipient, course: Course): Record<string, string> {
  const mailto = plusAddress(sender.inboundAddress, recipient.unsubscribeToken);
  const targets = [`<${recipient.links.unsubscribeUrl}>`, ...(mailto ? [`<mailto:${mailto}?subject=unsubscribe>`] : [])];
  return {
    'List-Unsubscribe': targets.join(', '),
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    'List-Id': `${course.title.replace(/[<>"\r\n]/g, '')} <${course.id}.${hostnameOf(sender.publicUrl)}>`,
  };
}

function courseEmail(sender: EmailSender, recipient: EmailRecipient, course: Course, subject: string, body: { html: string; text: string }): OutgoingEmail {
  return {
    to: recipient.to,
    from: sender.from,
    replyTo: plusAddress(sender.inboundAddress, recipient.replyToken),
    subject,
    ...body,
    headers: listHeaders(sender, recipient, course),
  };
}

function footerValues(sender: EmailSender, recipient: EmailRecipient): Record<string, string> {
  const { unsubscribeUrl, journalUrl } = recipient.links;
  return { unsubscribeUrl, journalUrl, postalAddress: sender.postalAddress, supportLine: sender.supportLine };
}

/** The double opt-in email: one link, nothing else is sent until it is followed. */
export function buildConfirmationEmail(sender: EmailSender, course: Course, to: string, confirmUrl: string): OutgoingEmail {
  const body = render(course, 'confirmation', { confirmUrl, postalAddress: sender.postalAddress });
  return { to, from: sender.from, replyTo: null, subject: subjectsOf(course).confirmation, ...body, headers: {} };
}

/** The welcome: the course's introduction, when Day 1 arrives, and the safety note. */
export function buildWelcomeEmail(sender: EmailSender, recipient: EmailRecipient, course: Course, firstStepWhen: string): OutgoingEmail {
  const body = render(course, 'welcome', { ...footerValues(sender, recipient), firstStepWhen });
  return courseEmail(sender, recipient, course, subjectsOf(course).welcome, body);
}

/** One day's step: title, quote, text, our practice and prompt, and the links. */
export function buildStepEmail(sender: EmailSender, recipient: EmailRecipient, course: Course, day: CourseDay, dayUrl: string): OutgoingEmail {
  const values = footerValues(sender, recipient);
  values.dayNumber = String(day.day);
  values.title = day.title;
  if (day.quote !== null) values.quote = day.quote;
  values.text = day.text;
  values.practice = day.ours.practice;
  values.prompt = day.ours.prompt;
  values.dayUrl = dayUrl;
  const body = render(course, day.quote === null ? 'daily-step-no-quote' : 'daily-step', values);
  return courseEmail(sender, recipient, course, subjectsOf(course).step(day), body);
}

/** The message after the course's last day. */
export function buildCompletionEmail(sender: EmailSender, recipient: EmailRecipient, course: Course): OutgoingEmail {
  return courseEmail(sender, recipient, course, subjectsOf(course).completion, render(course, 'completion', footerValues(sender, recipient)));
}

/**
 * The answer, sent once, to a reflection that speaks of danger: the support line with its number as a non-breaking
 * `tel:` link, the journal and the way to pause there, and the usual footer and unsubscribe headers. Nothing of the
 * reflection or its email goes into it.
 */
export function buildSupportLineEmail(sender: EmailSender, recipient: EmailRecipient, course: Course): OutgoingEmail {
  const links = { ...footerValues(sender, recipient), pauseUrl: `${recipient.links.journalUrl}#pause` };
  const parts = supportLineParts(sender.supportLine);
  const body = parts
    ? render(course, 'support-line', {
        ...links,
        supportLineName: parts.name,
        supportPhone: parts.phone,
        supportTelUrl: parts.telUrl,
        supportLineAfter: parts.after,
      })
    : render(course, 'support-line-without-number', links);
  return courseEmail(sender, recipient, course, SUPPORT_LINE_SUBJECT, body);
}

/** The sender details every email shares, from the configuration. */
export function emailSenderFrom(config: Config): EmailSender {
  return {
    from: config.emailFrom,
    inboundAddress: config.emailReplyTo,
    postalAddress: config.postalAddress,
    supportLine: config.supportLine,
    publicUrl: config.publicUrl,
  };
}
