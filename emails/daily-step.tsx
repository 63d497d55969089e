// One template for every daily step of a course: the title, the quote, the step, a suggested practice and a reflection prompt.
import { Heading, Section, Text } from '@react-email/components';
import { EmailLink } from './_components/link';
import { emailCourseOf, previewCourse, type CourseProp } from './course-context';
import { SubscriberFooter } from './_components/footer';
import { EmailLayout } from './_components/layout';
import { callout, COLORS, label, link, paragraph, sectionHeading, SERIF_STACK, title } from './_components/styles';
import type { PlaceholderProps } from './placeholders';

/** Per-subscriber values of a daily step; every course value is filled in per day, so one template serves every day. */
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
/** `quote` is absent in the template for days without a quote. */
export type DailyStepProps = Omit<PlaceholderProps<typeof DAILY_STEP_PLACEHOLDERS>, 'quote'> & { quote?: string };

/** The same template for a day without a quote. */
export const DAILY_STEP_NO_QUOTE_PLACEHOLDERS = DAILY_STEP_PLACEHOLDERS.filter((name) => name !== 'quote');

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

export default function DailyStep(props: DailyStepProps & CourseProp) {
  const { dayNumber, quote, text, practice, prompt, dayUrl, unsubscribeUrl, journalUrl, postalAddress, course } = props;
  const { t } = course;
  return (
    <EmailLayout
      lang={course.language}
      dir={course.dir}
      title={`${t.dayLabel(dayNumber, course.length)}: ${props.title}`}
      preview={`${t.dayLabel(dayNumber, course.length)}: ${props.title}`}
      footer={<SubscriberFooter unsubscribeUrl={unsubscribeUrl} journalUrl={journalUrl} postalAddress={postalAddress} course={course} />}
    >
      <Text style={label}>{t.dayLabel(dayNumber, course.length)}</Text>
      <Heading style={title}>{props.title}</Heading>
      {quote !== undefined && (
        <Section style={quoteBlock}>
          <Text style={quoteText}>{`“${quote}”`}</Text>
        </Section>
      )}
      <Text style={paragraph}>{text}</Text>
      <Heading as="h2" style={sectionHeading}>
        {t.practiceHeading}
      </Heading>
      <Text style={paragraph}>{practice}</Text>
      <Section style={callout}>
        <Text style={label}>{t.reflectionLabel}</Text>
        <Text style={paragraph}>{prompt}</Text>
        <Text style={paragraph}>{t.keepInJournal(t.replyInvitation)}</Text>
      </Section>
      <Text style={webLink}>
        <EmailLink href={dayUrl} style={link}>
          {t.readOnWeb}
        </EmailLink>
      </Text>
    </EmailLayout>
  );
}

const preview = previewCourse();
const previewDay = preview.days[2];

DailyStep.PreviewProps = {
  dayNumber: '3',
  title: previewDay?.title ?? '',
  quote: previewDay?.quote ?? '',
  text: previewDay?.text ?? '',
  practice: previewDay?.ours.practice ?? '',
  prompt: previewDay?.ours.prompt ?? '',
  dayUrl: 'https://rebuild-trust.example.com/day/3',
  unsubscribeUrl: 'https://rebuild-trust.example.com/u/preview-token',
  journalUrl: 'https://rebuild-trust.example.com/journal/preview-token',
  postalAddress: '123 Example Street, Springfield, IL 62701, USA',
  course: emailCourseOf(preview),
} satisfies DailyStepProps & CourseProp;
