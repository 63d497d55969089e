// Realistic per-subscriber values for the build's checks, using a course's longest day so the size check is a worst case.
import type { Course, CourseDay } from '../src/course/model';

const ORIGIN = 'https://rebuild-trust.example.com';
/** As long as a signed token in a real link, so sizes are not flattered. */
const TOKEN = 'sub_01JQ7Z3K9M2X4V6B8N0P.1767225600.Zk3mQ9vX2bL7pR4tW8yC1dF6hJ0nS5aE3gK7uM2oQ9w';
const POSTAL_ADDRESS = 'Rebuild Trust, 2261 Market Street #4321, San Francisco, CA 94114, USA';

function dayLength(day: CourseDay): number {
  return day.title.length + (day.quote?.length ?? 0) + day.text.length + day.ours.prompt.length + day.ours.practice.length;
}

/** The course day with the most words to fill in. */
export function longestCourseDay(course: Course): CourseDay {
  return course.days.reduce((longest, day) => (dayLength(day) > dayLength(longest) ? day : longest));
}

const subscriberLinks = {
  unsubscribeUrl: `${ORIGIN}/u/${TOKEN}`,
  journalUrl: `${ORIGIN}/journal/${TOKEN}`,
  postalAddress: POSTAL_ADDRESS,
};

/** Realistic values for every placeholder of every template of `course`, keyed by template name. */
export function sampleValues(course: Course): Record<string, Record<string, string>> {
  const day = longestCourseDay(course);
  const step = {
    dayNumber: String(day.day),
    title: day.title,
    text: day.text,
    practice: day.ours.practice,
    prompt: day.ours.prompt,
    dayUrl: `${ORIGIN}/c/${course.id}/day/${day.day}`,
    ...subscriberLinks,
  };
  return {
    confirmation: { confirmUrl: `${ORIGIN}/confirm?token=${TOKEN}`, postalAddress: POSTAL_ADDRESS },
    welcome: {
      firstStepWhen: 'tomorrow at 8:00',
      supportLine: 'the US National Domestic Violence Hotline, 1-800-799-7233 (thehotline.org)',
      ...subscriberLinks,
    },
    'daily-step': { ...step, quote: day.quote ?? 'A quote.' },
    'daily-step-no-quote': step,
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
