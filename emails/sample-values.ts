// Realistic per-subscriber values for the build's checks, using the longest course day so the size check is a worst case.
import { course } from '../src/course/course';
import { stepForRole, type RoleStep } from '../src/course/roles';
import { ROLES } from '../src/db/schema';
import { supportLinePlaceholders } from '../src/messages/support-line';

const ORIGIN = 'https://rebuild-trust.example.com';
/** As long as a signed token in a real link, so sizes are not flattered. */
const TOKEN = 'sub_01JQ7Z3K9M2X4V6B8N0P.1767225600.Zk3mQ9vX2bL7pR4tW8yC1dF6hJ0nS5aE3gK7uM2oQ9w';
const POSTAL_ADDRESS = 'Rebuild Trust, 2261 Market Street #4321, San Francisco, CA 94114, USA';

function dayLength(day: RoleStep): number {
  return day.title.length + day.quote.length + day.text.length + day.ours.prompt.length + day.ours.practice.length;
}

/** The course day, as one role reads it, with the most words to fill in. */
export function longestCourseDay(): RoleStep {
  const steps = course.days.flatMap((day) => ROLES.map((role) => stepForRole(day, role)));
  return steps.reduce((longest, step) => (dayLength(step) > dayLength(longest) ? step : longest));
}

const subscriberLinks = {
  unsubscribeUrl: `${ORIGIN}/u/${TOKEN}`,
  journalUrl: `${ORIGIN}/journal/${TOKEN}`,
  postalAddress: POSTAL_ADDRESS,
};

/** Realistic values for every placeholder of every template, keyed by template name. */
export function sampleValues(): Record<string, Record<string, string>> {
  const day = longestCourseDay();
  return {
    confirmation: { confirmUrl: `${ORIGIN}/confirm?token=${TOKEN}`, postalAddress: POSTAL_ADDRESS },
    welcome: {
      firstStepWhen: 'on September 30 at 12:00 p.m., Argentina/Buenos Aires time',
      introductionUrl: `${ORIGIN}/introduction`,
      ...supportLinePlaceholders('the US National Domestic Violence Hotline, 1-800-799-7233 (thehotline.org)'),
      ...subscriberLinks,
    },
    'daily-step': {
      dayNumber: String(day.day),
      title: day.title,
      quote: day.quote,
      text: day.text,
      practice: day.ours.practice,
      prompt: day.ours.prompt,
      dayUrl: `${ORIGIN}/day/${day.day}`,
      ...subscriberLinks,
    },
    completion: { ...subscriberLinks },
    'support-line': {
      supportLineName: 'the US National Domestic Violence Hotline',
      supportPhone: '1\u2011800\u2011799\u20117233',
      supportTelUrl: 'tel:+18007997233',
      supportLineAfter: ' (thehotline.org, or text START to 88788)',
      pauseUrl: `${subscriberLinks.journalUrl}#pause`,
      ...subscriberLinks,
    },
    'support-line-without-number': {
      supportLine: 'the support service of your country, listed at findahelpline.com',
      pauseUrl: `${subscriberLinks.journalUrl}#pause`,
      ...subscriberLinks,
    },
  };
}
