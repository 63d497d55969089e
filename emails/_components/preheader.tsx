// The line inboxes show after the subject, hidden in the body with CSS that Gmail and Apple Mail support (no display:none, no opacity).
import { COLORS } from './styles';

const hidden = {
  color: COLORS.page,
  fontSize: '1px',
  lineHeight: '1px',
  maxHeight: '0',
  maxWidth: '0',
  overflow: 'hidden',
} as const;

/** The preview text, first in the body; the text version skips it. */
export function Preheader({ text }: { text: string }) {
  return (
    <div style={hidden} data-skip-in-text="true">
      {text}
    </div>
  );
}
