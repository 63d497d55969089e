// One template for all 30 daily steps: the title, the quote, the step, a suggested practice and a reflection prompt.
import { Heading, Section, Text } from '@react-email/components';
import { EmailLink } from './components/link';
import { COURSE_LENGTH, findCourseDay } from '../src/course/course';
import { practiceFor, promptFor } from '../src/course/roles';
import { SubscriberFooter } from './components/footer';
import { EmailLayout } from './components/layout';
import { callout, COLORS, label, link, paragraph, sectionHeading, SERIF_STACK, title } from './components/styles';
import type { PlaceholderProps } from './placeholders';

/** Per-subscriber values of a daily step; every course value is filled in per day, so one template serves all 30. */
export const DAILY_STEP_PLACEHOLDERS = [
  'dayNumber',
  'title',
  'quote',
  'text',
  'practice',
  'prompt',
  'dayUrl',
  'unsubscribeUrl',
  'journalUrl',
  'postalAddress',
] as const;
export type DailyStepProps = PlaceholderProps<typeof DAILY_STEP_PLACEHOLDERS>;

/** The words every reflection prompt ends with (SPEC §5). */
export const REPLY_INVITATION = 'reply to this email';

const quoteBlock = {
  borderLeft: `3px solid ${COLORS.rule}`,
  margin: '0 0 24px',
  padding: '4px 0 4px 18px',
} as const;

const quoteText = {
  ...paragraph,
  fontFamily: SERIF_STACK,
  fontSize: '20px',
  fontStyle: 'italic',
  lineHeight: '1.5',
  margin: '0',
} as const;

const webLink = {
  ...paragraph,
  fontSize: '15px',
  margin: '24px 0 0',
} as const;

export default function DailyStep(props: DailyStepProps) {
  const { dayNumber, quote, text, practice, prompt, dayUrl, unsubscribeUrl, journalUrl, postalAddress } = props;
  return (
    <EmailLayout
      title={`Day ${dayNumber}: ${props.title}`}
      preview={`Day ${dayNumber} of ${COURSE_LENGTH}: ${props.title}`}
      footer={<SubscriberFooter unsubscribeUrl={unsubscribeUrl} journalUrl={journalUrl} postalAddress={postalAddress} />}
    >
      <Text style={label}>{`Day ${dayNumber} of ${COURSE_LENGTH}`}</Text>
      <Heading style={title}>{props.title}</Heading>
      <Section style={quoteBlock}>
        <Text style={quoteText}>{`“${quote}”`}</Text>
      </Section>
      <Text style={paragraph}>{text}</Text>
      <Heading as="h2" style={sectionHeading}>
        Suggested practice
      </Heading>
      <Text style={paragraph}>{practice}</Text>
      <Section style={callout}>
        <Text style={label}>Reflection</Text>
        <Text style={paragraph}>{prompt}</Text>
        <Text style={paragraph}>{`To keep your answer in your private journal, ${REPLY_INVITATION}.`}</Text>
      </Section>
      <Text style={webLink}>
        <EmailLink href={dayUrl} style={link}>
          Read this step on the web
        </EmailLink>
      </Text>
    </EmailLayout>
  );
}

const previewDay = findCourseDay(3);

DailyStep.PreviewProps = {
  dayNumber: '3',
  title: previewDay?.title ?? '',
  quote: previewDay?.quote ?? '',
  text: previewDay?.text ?? '',
  practice: previewDay ? practiceFor(previewDay, 'was_hurt') : '',
  prompt: previewDay ? promptFor(previewDay, 'was_hurt') : '',
  dayUrl: 'https://rebuild-trust.example.com/day/3',
  unsubscribeUrl: 'https://rebuild-trust.example.com/u/preview-token',
  journalUrl: 'https://rebuild-trust.example.com/journal/preview-token',
  postalAddress: '123 Example Street, Springfield, IL 62701, USA',
} satisfies DailyStepProps;
