// The frame every email shares: language, preview line, a readable centred column and a footer slot.
import { Body, Container, Head, Html, Section, Text } from '@react-email/components';
import type { ReactNode } from 'react';
import { Preheader } from './preheader';
import { COLORS, FONT_STACK } from './styles';

export const SENDER_NAME = 'Rebuild Trust';

const body = {
  backgroundColor: COLORS.page,
  color: COLORS.ink,
  fontFamily: FONT_STACK,
  margin: '0',
  padding: '24px 0',
} as const;

const container = {
  maxWidth: '600px',
  margin: '0 auto',
  padding: '0 12px',
} as const;

const brand = {
  color: COLORS.muted,
  fontSize: '15px',
  letterSpacing: '0.06em',
  lineHeight: '1.4',
  margin: '0 0 12px',
  textAlign: 'center',
} as const;

const card = {
  backgroundColor: COLORS.card,
  borderRadius: '8px',
  padding: '32px 28px',
} as const;

interface EmailLayoutProps {
  /** The document title, shown by clients that open the email in a browser. */
  title: string;
  /** The line inboxes show after the subject. */
  preview: string;
  footer: ReactNode;
  children: ReactNode;
  /** The course's language and its direction. */
  lang: string;
  dir: 'ltr' | 'rtl';
}

/** Wraps an email's content in the shared page: the course's `lang` and `dir`, light colour scheme, a 600px column, the footer below. */
export function EmailLayout({ title, preview, footer, children, lang, dir }: EmailLayoutProps) {
  return (
    <Html lang={lang} dir={dir}>
      <Head>
        <title>{title}</title>
      </Head>
      <Body style={body}>
        <Preheader text={preview} />
        <Container style={container}>
          <Text style={brand}>{SENDER_NAME}</Text>
          <Section style={card}>{children}</Section>
          {footer}
        </Container>
      </Body>
    </Html>
  );
}
