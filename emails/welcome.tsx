// Sent right after confirming: when Day 1 arrives and what it holds, the introduction one click away, a safety note, a warm sign-off.
import { Heading, Section, Text } from '@react-email/components';
import { COURSE_LENGTH, course } from '../src/course/course';
import { SubscriberFooter } from './components/footer';
import { EmailLayout } from './components/layout';
import { EmailLink } from './components/link';
import { callout, link, paragraph, title } from './components/styles';
import type { PlaceholderProps } from './placeholders';

/**
 * Per-subscriber values of the welcome email. `firstStepWhen` reads like "tomorrow at 8:00 a.m., New York time";
 * the support line comes in parts so its number is one tappable, unbroken link.
 */
export const WELCOME_PLACEHOLDERS = [
  'firstStepWhen',
  'introductionUrl',
  'supportLead',
  'supportPhone',
  'supportPhoneHref',
  'supportTail',
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

const phone = {
  ...link,
  fontWeight: 'bold',
  whiteSpace: 'nowrap',
} as const;

const signOff = {
  ...paragraph,
  margin: '24px 0 0',
} as const;

export default function Welcome(props: WelcomeProps) {
  const { firstStepWhen, introductionUrl, unsubscribeUrl, journalUrl, postalAddress } = props;
  return (
    <EmailLayout
      title={HEADING}
      preview={`You are subscribed. Day 1 arrives ${firstStepWhen}.`}
      footer={<SubscriberFooter unsubscribeUrl={unsubscribeUrl} journalUrl={journalUrl} postalAddress={postalAddress} />}
    >
      <Heading style={title}>{HEADING}</Heading>
      <Text style={paragraph}>
        {`Thank you for confirming. Day 1 of “${course.title}” arrives ${firstStepWhen}, then one step a day for ${COURSE_LENGTH} days.`}
      </Text>
      <Text style={paragraph}>
        Each step takes a few quiet minutes: a short reading, a line to hold on to, a small practice and one question.
        Reply with whatever comes up, and your words are kept in your private journal under that day.
      </Text>
      <Text style={paragraph}>
        {'If you would like to begin with the course’s introduction, it is one click away: '}
        <EmailLink href={introductionUrl}>read the introduction</EmailLink>.
      </Text>
      <Section style={callout}>
        <Text style={safetyHeading}>A note on safety</Text>
        <Text style={paragraph}>
          {`This course is not meant for relationships with abuse or violence. If you are not safe, please contact ${props.supportLead}`}
          <EmailLink href={props.supportPhoneHref} style={phone}>
            {props.supportPhone}
          </EmailLink>
          {`${props.supportTail}. If you are in immediate danger, call your local emergency number.`}
        </Text>
      </Section>
      <Text style={paragraph}>Go gently with yourself. Small steps count, and you have already taken the first one.</Text>
      <Text style={signOff}>
        With care,
        <br />
        Rebuild Trust
      </Text>
    </EmailLayout>
  );
}

Welcome.PreviewProps = {
  firstStepWhen: 'tomorrow at 8:00 a.m., New York time',
  introductionUrl: 'https://rebuild-trust.example.com/introduction',
  supportLead: 'the US National Domestic Violence Hotline, ',
  supportPhone: '1-800-799-7233',
  supportPhoneHref: 'tel:18007997233',
  supportTail: ' (thehotline.org)',
  unsubscribeUrl: 'https://rebuild-trust.example.com/u/preview-token',
  journalUrl: 'https://rebuild-trust.example.com/journal/preview-token',
  postalAddress: '123 Example Street, Springfield, IL 62701, USA',
} satisfies WelcomeProps;
