// Sent right after confirming: when Day 1 arrives, a safety note, and the course's introduction (its course.md body).
import { Heading, Section, Text } from '@react-email/components';
import { emailCourseOf, previewCourse, type CourseProp } from './course-context';
import { SubscriberFooter } from './_components/footer';
import { EmailLayout } from './_components/layout';
import { callout, paragraph, sectionHeading, title } from './_components/styles';
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

const safetyHeading = {
  ...paragraph,
  fontWeight: 'bold',
  margin: '0 0 8px',
} as const;

export default function Welcome({ firstStepWhen, supportLine, unsubscribeUrl, journalUrl, postalAddress, course }: WelcomeProps & CourseProp) {
  const { t } = course;
  return (
    <EmailLayout
      lang={course.language}
      dir={course.dir}
      title={t.welcomeHeading}
      preview={t.welcomePreview(firstStepWhen)}
      footer={<SubscriberFooter unsubscribeUrl={unsubscribeUrl} journalUrl={journalUrl} postalAddress={postalAddress} course={course} />}
    >
      <Heading style={title}>{t.welcomeHeading}</Heading>
      <Text style={paragraph}>{t.welcomeIntro(course.title, course.length, firstStepWhen)}</Text>
      <Text style={paragraph}>{t.welcomeHow}</Text>
      <Section style={callout}>
        <Text style={safetyHeading}>{t.safetyHeading}</Text>
        <Text style={paragraph}>{t.safetyText(supportLine)}</Text>
      </Section>
      <Heading as="h2" style={sectionHeading}>
        {t.beforeYouBegin}
      </Heading>
      {course.introduction.map((block, index) =>
        block.kind === 'heading' ? (
          <Heading key={index} as="h2" style={sectionHeading}>
            {block.text}
          </Heading>
        ) : (
          <Text key={index} style={paragraph}>
            {block.text}
          </Text>
        ),
      )}
    </EmailLayout>
  );
}

Welcome.PreviewProps = {
  firstStepWhen: 'tomorrow at 8:00',
  supportLine: 'the National Domestic Violence Hotline at 1-800-799-7233',
  unsubscribeUrl: 'https://rebuild-trust.example.com/u/preview-token',
  journalUrl: 'https://rebuild-trust.example.com/journal/preview-token',
  postalAddress: '123 Example Street, Springfield, IL 62701, USA',
  course: emailCourseOf(previewCourse()),
} satisfies WelcomeProps & CourseProp;
