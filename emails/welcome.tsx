// Sent right after confirming: when Day 1 arrives, a safety note, and the course's introduction.
import { Heading, Section, Text } from '@react-email/components';
import { course } from '../src/course/course';
import { SubscriberFooter } from './components/footer';
import { EmailLayout } from './components/layout';
import { callout, paragraph, sectionHeading, title } from './components/styles';
import type { PlaceholderProps } from './placeholders';

/** Per-subscriber values of the welcome email. `firstStepWhen` reads like "tomorrow at 8:00". */
export const WELCOME_PLACEHOLDERS = [
  'firstStepWhen',
  'supportLine',
  'unsubscribeUrl',
  'journalUrl',
  'postalAddress',
] as const;
export type WelcomeProps = PlaceholderProps<typeof WELCOME_PLACEHOLDERS>;

const HEADING = 'Welcome. Your first step is on its way.';

const safetyHeading = {
  ...paragraph,
  fontWeight: 'bold',
  margin: '0 0 8px',
} as const;

export default function Welcome({ firstStepWhen, supportLine, unsubscribeUrl, journalUrl, postalAddress }: WelcomeProps) {
  const { opening, sections } = course.introduction;
  return (
    <EmailLayout
      title={HEADING}
      preview={`You are subscribed. Day 1 arrives ${firstStepWhen}.`}
      footer={<SubscriberFooter unsubscribeUrl={unsubscribeUrl} journalUrl={journalUrl} postalAddress={postalAddress} />}
    >
      <Heading style={title}>{HEADING}</Heading>
      <Text style={paragraph}>
        {`Thank you for confirming. “${course.title}” arrives one step a day for 30 days. Day 1 arrives ${firstStepWhen}.`}
      </Text>
      <Text style={paragraph}>
        Each step is short: a thought, a quote, a suggested practice and a question. Reply to any step to keep your
        answer in your private journal.
      </Text>
      <Section style={callout}>
        <Text style={safetyHeading}>A note on safety</Text>
        <Text style={paragraph}>
          {`This course is not meant for relationships with abuse or violence. If you are not safe, please contact ${supportLine}.`}
        </Text>
      </Section>
      <Heading as="h2" style={sectionHeading}>
        Before you begin
      </Heading>
      {opening.map((text) => (
        <Text key={text} style={paragraph}>
          {text}
        </Text>
      ))}
      {sections.map((section) => (
        <Section key={section.heading}>
          <Heading as="h2" style={sectionHeading}>
            {section.heading}
          </Heading>
          {section.paragraphs.map((text) => (
            <Text key={text} style={paragraph}>
              {text}
            </Text>
          ))}
        </Section>
      ))}
    </EmailLayout>
  );
}

Welcome.PreviewProps = {
  firstStepWhen: 'tomorrow at 8:00',
  supportLine: 'the National Domestic Violence Hotline at 1-800-799-7233',
  unsubscribeUrl: 'https://rebuild-trust.example.com/u/preview-token',
  journalUrl: 'https://rebuild-trust.example.com/journal/preview-token',
  postalAddress: '123 Example Street, Springfield, IL 62701, USA',
} satisfies WelcomeProps;
