// Shared style constants for every email: a calm palette with high-contrast text, sized for easy reading.

export const COLORS = {
  page: '#f4f1ec',
  card: '#ffffff',
  ink: '#1f2933',
  muted: '#4a5560',
  accent: '#1d5c57',
  accentSoft: '#e8f0ef',
  rule: '#d9d4cc',
} as const;

export const FONT_STACK =
  "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";
export const SERIF_STACK = "Georgia, 'Times New Roman', Times, serif";

export const paragraph = {
  color: COLORS.ink,
  fontSize: '17px',
  lineHeight: '1.6',
  margin: '0 0 16px',
} as const;

export const title = {
  color: COLORS.ink,
  fontFamily: SERIF_STACK,
  fontSize: '28px',
  fontWeight: 'normal',
  lineHeight: '1.3',
  margin: '0 0 20px',
} as const;

export const sectionHeading = {
  color: COLORS.ink,
  fontFamily: SERIF_STACK,
  fontSize: '21px',
  fontWeight: 'normal',
  lineHeight: '1.35',
  margin: '28px 0 12px',
} as const;

export const label = {
  color: COLORS.accent,
  fontSize: '14px',
  fontWeight: 'bold',
  letterSpacing: '0.04em',
  lineHeight: '1.4',
  margin: '0 0 8px',
  textTransform: 'uppercase',
} as const;

export const link = {
  color: COLORS.accent,
  textDecoration: 'underline',
} as const;

export const button = {
  backgroundColor: COLORS.accent,
  borderRadius: '6px',
  color: '#ffffff',
  display: 'inline-block',
  fontSize: '17px',
  fontWeight: 'bold',
  lineHeight: '1.2',
  padding: '14px 24px',
  textDecoration: 'none',
} as const;

export const callout = {
  backgroundColor: COLORS.accentSoft,
  borderLeft: `4px solid ${COLORS.accent}`,
  borderRadius: '4px',
  margin: '24px 0',
  padding: '16px 20px 0',
} as const;

export const rule = {
  borderColor: COLORS.rule,
  margin: '28px 0',
} as const;
