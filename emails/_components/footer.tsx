// Email footers: the subscriber footer (why, journal, unsubscribe, postal address) and the address-only one.
import { Section, Text } from '@react-email/components';
import { EmailLink } from './link';
import type { EmailCourse } from '../course-context';
import { COLORS } from './styles';

const footer = {
  padding: '20px 28px 8px',
} as const;

const footerText = {
  color: COLORS.muted,
  fontSize: '14px',
  lineHeight: '1.6',
  margin: '0 0 10px',
  textAlign: 'center',
} as const;

const footerLink = {
  color: COLORS.muted,
  textDecoration: 'underline',
} as const;

interface SubscriberFooterProps {
  unsubscribeUrl: string;
  journalUrl: string;
  postalAddress: string;
  course: EmailCourse;
}

/** The footer of every email sent to a confirmed subscriber: why they get it, their journal, unsubscribe, our address. */
export function SubscriberFooter({ unsubscribeUrl, journalUrl, postalAddress, course }: SubscriberFooterProps) {
  const { t } = course;
  return (
    <Section style={footer}>
      <Text style={footerText}>
        {t.footerWhy(course.title)}
      </Text>
      <Text style={footerText}>
        <EmailLink href={journalUrl} style={footerLink}>
          {t.openJournal}
        </EmailLink>
      </Text>
      <Text style={footerText}>
        {t.stopAnyTime}
        <EmailLink href={unsubscribeUrl} style={footerLink}>
          {t.unsubscribe}
        </EmailLink>
      </Text>
      <PostalAddress postalAddress={postalAddress} />
    </Section>
  );
}

/** The footer of the confirmation email, sent before anyone has subscribed: our postal address only. */
export function AddressFooter({ postalAddress }: { postalAddress: string }) {
  return (
    <Section style={footer}>
      <PostalAddress postalAddress={postalAddress} />
    </Section>
  );
}

function PostalAddress({ postalAddress }: { postalAddress: string }) {
  return <Text style={footerText}>{postalAddress}</Text>;
}
