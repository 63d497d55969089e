// Sent once when a reflection speaks of danger: thanks, the support line to call, and the way to the journal and a pause.
import { Heading, Section, Text } from '@react-email/components';
import { EmailLink } from './_components/link';
import type { ReactNode } from 'react';
import { SubscriberFooter } from './_components/footer';
import { EmailLayout } from './_components/layout';
import { callout, link, paragraph, title } from './_components/styles';
import { messagesFor } from '../src/i18n/messages';
import { emailCourseOf, previewCourse, type CourseProp } from './course-context';
import type { PlaceholderProps } from './placeholders';

const LINK_PLACEHOLDERS = ['journalUrl', 'pauseUrl', 'unsubscribeUrl', 'postalAddress'] as const;

/** Per-subscriber values when SUPPORT_LINE has a phone number: its name, the number (non-breaking) and its `tel:` link. */
export const SUPPORT_LINE_PLACEHOLDERS = ['supportLineName', 'supportPhone', 'supportTelUrl', 'supportLineAfter', ...LINK_PLACEHOLDERS] as const;
export type SupportLineProps = PlaceholderProps<typeof SUPPORT_LINE_PLACEHOLDERS>;

/** Per-subscriber values when SUPPORT_LINE has no number to dial: the line as configured. */
export const SUPPORT_LINE_WITHOUT_NUMBER_PLACEHOLDERS = ['supportLine', ...LINK_PLACEHOLDERS] as const;
export type SupportLineWithoutNumberProps = PlaceholderProps<typeof SUPPORT_LINE_WITHOUT_NUMBER_PLACEHOLDERS>;

const HEADING = 'Thank you for writing this down';
const PREVIEW = 'Something you wrote made us want to be sure you have this.';

/** Keeps the number on one line wherever the client allows it; the value itself has non-breaking hyphens too. */
const phoneLink = {
  ...link,
  fontWeight: 'bold',
  whiteSpace: 'nowrap',
} as const;

const calloutText = {
  ...paragraph,
  margin: '0 0 16px',
} as const;

interface BodyProps {
  support: ReactNode;
  journalUrl: string;
  pauseUrl: string;
  unsubscribeUrl: string;
  postalAddress: string;
  course: CourseProp['course'];
}

/** The body is in English whatever the course's language, so the page and its footer are English too. */
function SupportLineBody({ support, journalUrl, pauseUrl, unsubscribeUrl, postalAddress, course }: BodyProps) {
  const english = { ...course, t: messagesFor('en').email };
  return (
    <EmailLayout
      lang="en"
      dir="ltr"
      title={HEADING}
      preview={PREVIEW}
      footer={<SubscriberFooter unsubscribeUrl={unsubscribeUrl} journalUrl={journalUrl} postalAddress={postalAddress} course={english} />}
    >
      <Heading style={title}>{HEADING}</Heading>
      <Text style={paragraph}>
        Something in your reflection made us want to be sure you have this, just in case. You don't need to reply, and
        nothing changes unless you want it to.
      </Text>
      <Section style={callout}>
        <Text style={calloutText}>If you are in danger right now, please call your local emergency number.</Text>
        <Text style={calloutText}>{support}</Text>
      </Section>
      <Text style={paragraph}>
        Your safety matters more than any step of this course, and the course is not meant for a relationship where
        there is abuse, violence or fear.
      </Text>
      <Text style={paragraph}>
        {'Your reflection is kept, privately, in '}
        <EmailLink href={journalUrl} style={link}>
          your journal
        </EmailLink>
        {'. If you would like a break from the daily steps, you can '}
        <EmailLink href={pauseUrl} style={link}>
          pause the course
        </EmailLink>
        {' there at any time, and resume whenever you are ready.'}
      </Text>
      <Text style={paragraph}>If someone else can read your email, you may want to delete this message after reading it.</Text>
    </EmailLayout>
  );
}

export default function SupportLine({ supportLineName, supportPhone, supportTelUrl, supportLineAfter, ...links }: SupportLineProps & CourseProp) {
  const support = (
    <>
      {`For free, confidential support at any time, you can call ${supportLineName} at `}
      <EmailLink href={supportTelUrl} style={phoneLink}>
        {supportPhone}
      </EmailLink>
      {`${supportLineAfter}.`}
    </>
  );
  return <SupportLineBody support={support} {...links} />;
}

/** The same email for a support line configured without a phone number. */
export function SupportLineWithoutNumber({ supportLine, ...links }: SupportLineWithoutNumberProps & CourseProp) {
  return <SupportLineBody support={`For free, confidential support at any time, you can contact ${supportLine}.`} {...links} />;
}

SupportLine.PreviewProps = {
  supportLineName: 'the US National Domestic Violence Hotline',
  supportPhone: '1\u2011800\u2011799\u20117233',
  supportTelUrl: 'tel:+18007997233',
  supportLineAfter: '',
  journalUrl: 'https://rebuild-trust.example.com/journal/preview-token',
  pauseUrl: 'https://rebuild-trust.example.com/journal/preview-token#pause',
  unsubscribeUrl: 'https://rebuild-trust.example.com/u/preview-token',
  postalAddress: '123 Example Street, Springfield, IL 62701, USA',
  course: emailCourseOf(previewCourse()),
} satisfies SupportLineProps & CourseProp;
