// Sent after the last day: a gentle close, the way back to the journal, and how to walk the steps again.
import { Heading, Section, Text } from '@react-email/components';
import { EmailButton } from './_components/link';
import { emailCourseOf, previewCourse, type CourseProp } from './course-context';
import { SubscriberFooter } from './_components/footer';
import { EmailLayout } from './_components/layout';
import { button, paragraph, title } from './_components/styles';
import type { PlaceholderProps } from './placeholders';

/** Per-subscriber values of the completion email. */
export const COMPLETION_PLACEHOLDERS = ['journalUrl', 'unsubscribeUrl', 'postalAddress'] as const;
export type CompletionProps = PlaceholderProps<typeof COMPLETION_PLACEHOLDERS>;

const buttonRow = {
  margin: '8px 0 24px',
} as const;

export default function Completion({ journalUrl, unsubscribeUrl, postalAddress, course }: CompletionProps & CourseProp) {
  const { t } = course;
  const heading = t.completionHeading(course.length);
  return (
    <EmailLayout
      lang={course.language}
      dir={course.dir}
      title={heading}
      preview={t.completionPreview}
      footer={<SubscriberFooter unsubscribeUrl={unsubscribeUrl} journalUrl={journalUrl} postalAddress={postalAddress} course={course} />}
    >
      <Heading style={title}>{heading}</Heading>
      {t.completionBody.map((text) => (
        <Text key={text} style={paragraph}>
          {text}
        </Text>
      ))}
      <Section style={buttonRow}>
        <EmailButton href={journalUrl} style={button}>
          {t.openJournal}
        </EmailButton>
      </Section>
      <Text style={paragraph}>
        {t.completionAgain(course.length)}
      </Text>
      <Text style={paragraph}>{t.completionClose}</Text>
    </EmailLayout>
  );
}

Completion.PreviewProps = {
  journalUrl: 'https://rebuild-trust.example.com/journal/preview-token',
  unsubscribeUrl: 'https://rebuild-trust.example.com/u/preview-token',
  postalAddress: '123 Example Street, Springfield, IL 62701, USA',
  course: emailCourseOf(previewCourse()),
} satisfies CompletionProps & CourseProp;
