// The support line as pages show it: its words, and its number as one tappable link that never breaks across lines.
/** @jsxImportSource hono/jsx */
import { supportLineParts } from '../messages/support-line';

/** `line` with its phone number as a `tel:` link kept on one line; a line without a number is shown as it is. */
export function SupportLine({ line }: { line: string }) {
  const parts = supportLineParts(line);
  if (!parts) return <>{line}</>;
  return (
    <>
      {parts.name},{' '}
      <a class="tel" href={parts.telUrl}>
        {parts.phone}
      </a>
      {parts.after}
    </>
  );
}
