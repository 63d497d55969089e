// English interface text around a course: emails, SMS, the step pages. Course text itself comes from content/.

/** Every interface string of one language; functions take the values that vary. */
export interface Messages {
  /** When a message is due, read after "Day 1 arrives": "today at 8:00", "tomorrow at 8:00", "on 3 May at 8:00". */
  when: { today: (time: string) => string; tomorrow: (time: string) => string; on: (date: string, time: string) => string };
  email: {
    subjects: { confirmation: (title: string) => string; welcome: (title: string) => string; completion: (length: number) => string; step: (day: number, length: number, title: string) => string };
    confirmHeading: string;
    confirmPreview: (title: string) => string;
    confirmIntro: (title: string, length: number) => string;
    confirmButton: string;
    confirmFallback: string;
    confirmIgnore: string;
    welcomeHeading: string;
    welcomePreview: (when: string) => string;
    welcomeIntro: (title: string, length: number, when: string) => string;
    welcomeHow: string;
    safetyHeading: string;
    safetyText: (supportLine: string) => string;
    beforeYouBegin: string;
    dayLabel: (day: string, length: number) => string;
    practiceHeading: string;
    reflectionLabel: string;
    /** The words every reflection prompt ends with (SPEC §5). */
    replyInvitation: string;
    keepInJournal: (invitation: string) => string;
    readOnWeb: string;
    completionHeading: (length: number) => string;
    completionPreview: string;
    completionBody: string[];
    completionAgain: (length: number) => string;
    completionClose: string;
    footerWhy: (title: string) => string;
    openJournal: string;
    stopAnyTime: string;
    unsubscribe: string;
  };
  sms: {
    day: (day: number, length: number, title: string) => string;
    fullStep: (url: string) => string;
    genericPrompt: string;
    stopReminder: string;
    frequency: (length: number) => string;
    rates: string;
    helpAndStop: string;
    completion: (length: number, journalUrl: string) => string[];
    /** Fullest first; the sender takes the first that fits. */
    confirm: (title: string, frequency: string, rates: string, helpAndStop: string) => string[];
    welcome: (when: string, journalUrl: string, safety: string, helpAndStop: string) => string[];
    safety: (supportLine: string) => string;
  };
  page: {
    dayEyebrow: (day: number, length: number) => string;
    oursHeading: string;
    oursHint: string;
    practiceHeading: string;
    reflectHeading: string;
    otherSteps: string;
    previous: (day: number) => string;
    next: (day: number) => string;
    about: string;
    noSuchStep: string;
    noSuchStepText: (length: number) => string;
    startCourse: string;
    courseDays: (length: number) => string;
  };
}

export const EN: Messages = {
  when: {
    today: (time) => `today at ${time}`,
    tomorrow: (time) => `tomorrow at ${time}`,
    on: (date, time) => `on ${date} at ${time}`,
  },
  email: {
    subjects: {
      confirmation: (title) => `Please confirm your place in ${title}`,
      welcome: (title) => `Welcome to ${title}`,
      completion: (length) => `You have walked all ${length} steps`,
      step: (day, length, title) => `Day ${day} of ${length}: ${title}`,
    },
    confirmHeading: 'Please confirm your subscription',
    confirmPreview: (title) => `One click to start “${title}”.`,
    confirmIntro: (title, length) => `Someone, hopefully you, asked to receive “${title}”: one short step a day by email for ${length} days.`,
    confirmButton: 'Confirm my subscription',
    confirmFallback: 'If the button does not work, open this link: ',
    confirmIgnore: 'If you did not ask for this, you can ignore this email. Nothing more will be sent to you.',
    welcomeHeading: 'Welcome. Your first step is on its way.',
    welcomePreview: (when) => `You are subscribed. Day 1 arrives ${when}.`,
    welcomeIntro: (title, length, when) => `Thank you for confirming. “${title}” arrives one step a day for ${length} days. Day 1 arrives ${when}.`,
    welcomeHow:
      'Each step is short: a thought, a quote, a suggested practice and a question. Reply to any step to keep your answer in your private journal.',
    safetyHeading: 'A note on safety',
    safetyText: (supportLine) => `This course is not meant for relationships with abuse or violence. If you are not safe, please contact ${supportLine}.`,
    beforeYouBegin: 'Before you begin',
    dayLabel: (day, length) => `Day ${day} of ${length}`,
    practiceHeading: 'Suggested practice',
    reflectionLabel: 'Reflection',
    replyInvitation: 'reply to this email',
    keepInJournal: (invitation) => `To keep your answer in your private journal, ${invitation}.`,
    readOnWeb: 'Read this step on the web',
    completionHeading: (length) => `You have walked all ${length} steps`,
    completionPreview: 'The last step is behind you. Your journal keeps everything you wrote.',
    completionBody: [
      'You chose to begin, and you kept going. Whatever these weeks held, showing up for them took courage. Trust is rebuilt slowly, through small steps repeated, and you have been taking them.',
      'This is the last email of the course. No more steps will arrive unless you ask for them.',
      'Your journal keeps your progress and every reflection you sent. Read it back when you need to remember how far you have come.',
    ],
    completionAgain: (length) => `If you would like to walk the ${length} steps again, you can restart the course from your journal at any time.`,
    completionClose: 'Be gentle with yourself.',
    footerWhy: (title) => `You are receiving this because you signed up for “${title}” and confirmed your email address.`,
    openJournal: 'Open your journal',
    stopAnyTime: 'You can stop at any time: ',
    unsubscribe: 'unsubscribe',
  },
  sms: {
    day: (day, length, title) => `Day ${day}/${length}: ${title}`,
    fullStep: (url) => `Full step: ${url}`,
    genericPrompt: 'Reply with a thought.',
    stopReminder: 'Reply STOP to cancel.',
    frequency: (length) => `1 msg/day for ${length} days`,
    rates: 'Msg & data rates may apply.',
    helpAndStop: 'Reply HELP for help, STOP to cancel.',
    completion: (length, journalUrl) => [
      `That was the last of the ${length} steps. Thank you for staying with it. Healing keeps going at its own pace. Your steps and reflections stay in your journal: ${journalUrl}`,
      `That was the last of the ${length} steps. Thank you for staying with it. Your journal: ${journalUrl}`,
    ],
    confirm: (title, frequency, rates, helpAndStop) => [
      `Reply YES to confirm your sign-up for ${title}, ${frequency}. ${rates} ${helpAndStop}`,
      `Reply YES to confirm. ${frequency}. ${rates} ${helpAndStop}`,
    ],
    welcome: (when, journalUrl, safety, helpAndStop) => [
      `You're confirmed. Day 1 arrives ${when}, then one step a day. Your journal: ${journalUrl}\n${safety}\n${helpAndStop}`,
      `You're confirmed. Day 1 arrives ${when}.\n${safety}\n${helpAndStop}`,
    ],
    safety: (supportLine) => `This course is not meant for abusive relationships. If you are not safe, please contact ${supportLine}.`,
  },
  page: {
    dayEyebrow: (day, length) => `Day ${day} of ${length}`,
    oursHeading: 'From us, for today',
    oursHint: 'These suggestions are written by the Rebuild Trust team, not the course text above.',
    practiceHeading: 'A practice for today',
    reflectHeading: 'To reflect on',
    otherSteps: 'Other steps',
    previous: (day) => `← Day ${day}`,
    next: (day) => `Day ${day} →`,
    about: 'About the course and how to receive one step a day',
    noSuchStep: 'No such step',
    noSuchStepText: (length) => `The course has ${length} steps, numbered 1 to ${length}.`,
    startCourse: 'Start this course',
    courseDays: (length) => `${length} days, one short step a day`,
  },
};
