// Sent after Day 30: a gentle close, the way back to the journal, and how to walk the steps again.
import { Heading, Section, Text } from '@react-email/components';
import { EmailButton } from './components/link';
import { COURSE_LENGTH } from '../src/course/course';
import { SubscriberFooter } from './components/footer';
import { EmailLayout } from './components/layout';
import { button, paragraph, title } from './components/styles';
import type { PlaceholderProps } from './placeholders';

/** Per-subscriber values of the completion email. */
export const COMPLETION_PLACEHOLDERS = ['journalUrl', 'unsubscribeUrl', 'postalAddress'] as const;
export type CompletionProps = PlaceholderProps<typeof COMPLETION_PLACEHOLDERS>;

const HEADING = `You have walked all ${COURSE_LENGTH} steps`;

const buttonRow = {
  margin: '8px 0 24px',
} as const;

export default function Completion({ journalUrl, unsubscribeUrl, postalAddress }: CompletionProps) {
  return (
    <EmailLayout
      title={HEADING}
      preview="The last step is behind you. Your journal keeps everything you wrote."
      footer={<SubscriberFooter unsubscribeUrl={unsubscribeUrl} journalUrl={journalUrl} postalAddress={postalAddress} />}
    >
      <Heading style={title}>{HEADING}</Heading>
      <Text style={paragraph}>
        You chose to begin, and you kept going. Whatever these weeks held, showing up for them took courage. Trust is
        rebuilt slowly, through small steps repeated, and you have been taking them.
      </Text>
      <Text style={paragraph}>
        This is the last email of the course. No more steps will arrive unless you ask for them.
      </Text>
      <Text style={paragraph}>
        Your journal keeps your progress and every reflection you sent. Read it back when you need to remember how far
        you have come.
      </Text>
      <Section style={buttonRow}>
        <EmailButton href={journalUrl} style={button}>
          Open your journal
        </EmailButton>
      </Section>
      <Text style={paragraph}>
        {`If you would like to walk the ${COURSE_LENGTH} steps again, you can restart the course from your journal at any time.`}
      </Text>
      <Text style={paragraph}>Be gentle with yourself.</Text>
    </EmailLayout>
  );
}

Completion.PreviewProps = {
  journalUrl: 'https://rebuild-trust.example.com/journal/preview-token',
  unsubscribeUrl: 'https://rebuild-trust.example.com/u/preview-token',
  postalAddress: '123 Example Street, Springfield, IL 62701, USA',
} satisfies CompletionProps;
