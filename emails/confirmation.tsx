// The double opt-in email: one button to confirm, and the reassurance that ignoring it sends nothing more.
import { Heading, Section, Text } from '@react-email/components';
import { EmailButton, EmailLink } from './_components/link';
import { emailCourseOf, previewCourse, type CourseProp } from './course-context';
import { AddressFooter } from './_components/footer';
import { EmailLayout } from './_components/layout';
import { button, link, paragraph, title } from './_components/styles';
import type { PlaceholderProps } from './placeholders';

/** Per-subscriber values of the confirmation email. */
export const CONFIRMATION_PLACEHOLDERS = ['confirmUrl', 'postalAddress'] as const;
export type ConfirmationProps = PlaceholderProps<typeof CONFIRMATION_PLACEHOLDERS>;

const buttonRow = {
  margin: '8px 0 24px',
} as const;

const fallback = {
  ...paragraph,
  fontSize: '15px',
  wordBreak: 'break-all',
} as const;

export default function Confirmation({ confirmUrl, postalAddress, course }: ConfirmationProps & CourseProp) {
  const { t } = course;
  return (
    <EmailLayout
      lang={course.language}
      dir={course.dir}
      title={t.confirmHeading}
      preview={t.confirmPreview(course.title)}
      footer={<AddressFooter postalAddress={postalAddress} />}
    >
      <Heading style={title}>{t.confirmHeading}</Heading>
      <Text style={paragraph}>
        {t.confirmIntro(course.title, course.length)}
      </Text>
      <Section style={buttonRow}>
        <EmailButton href={confirmUrl} style={button}>
          {t.confirmButton}
        </EmailButton>
      </Section>
      <Text style={fallback} data-skip-in-text="true">
        {t.confirmFallback}
        <EmailLink href={confirmUrl} style={link}>
          {confirmUrl}
        </EmailLink>
      </Text>
      <Text style={paragraph}>
        {t.confirmIgnore}
      </Text>
    </EmailLayout>
  );
}

Confirmation.PreviewProps = {
  confirmUrl: 'https://rebuild-trust.example.com/confirm?token=preview-token',
  postalAddress: '123 Example Street, Springfield, IL 62701, USA',
  course: emailCourseOf(previewCourse()),
} satisfies ConfirmationProps & CourseProp;
