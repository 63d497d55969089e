// The double opt-in email: one button to confirm, and the reassurance that ignoring it sends nothing more.
import { Heading, Section, Text } from '@react-email/components';
import { EmailButton, EmailLink } from './components/link';
import { course } from '../src/course/course';
import { AddressFooter } from './components/footer';
import { EmailLayout } from './components/layout';
import { button, link, paragraph, title } from './components/styles';
import type { PlaceholderProps } from './placeholders';

/** Per-subscriber values of the confirmation email. */
export const CONFIRMATION_PLACEHOLDERS = ['confirmUrl', 'postalAddress'] as const;
export type ConfirmationProps = PlaceholderProps<typeof CONFIRMATION_PLACEHOLDERS>;

const HEADING = 'Please confirm your subscription';

const buttonRow = {
  margin: '8px 0 24px',
} as const;

const fallback = {
  ...paragraph,
  fontSize: '15px',
  wordBreak: 'break-all',
} as const;

export default function Confirmation({ confirmUrl, postalAddress }: ConfirmationProps) {
  return (
    <EmailLayout
      title={HEADING}
      preview={`One click to start “${course.title}”.`}
      footer={<AddressFooter postalAddress={postalAddress} />}
    >
      <Heading style={title}>{HEADING}</Heading>
      <Text style={paragraph}>
        {`Someone, hopefully you, asked to receive “${course.title}”: one short step a day by email for 30 days.`}
      </Text>
      <Section style={buttonRow}>
        <EmailButton href={confirmUrl} style={button}>
          Confirm my subscription
        </EmailButton>
      </Section>
      <Text style={fallback} data-skip-in-text="true">
        {'If the button does not work, open this link: '}
        <EmailLink href={confirmUrl} style={link}>
          {confirmUrl}
        </EmailLink>
      </Text>
      <Text style={paragraph}>
        If you did not ask for this, you can ignore this email. Nothing more will be sent to you.
      </Text>
    </EmailLayout>
  );
}

Confirmation.PreviewProps = {
  confirmUrl: 'https://rebuild-trust.example.com/confirm?token=preview-token',
  postalAddress: '123 Example Street, Springfield, IL 62701, USA',
} satisfies ConfirmationProps;
