// Plain links for emails: react-email's Link and Button add target="_blank", which Gmail does not support (caniemail).
import type { CSSProperties, ReactNode } from 'react';
import { button, link } from './styles';

interface EmailLinkProps {
  href: string;
  style?: CSSProperties;
  children: ReactNode;
}

/** An inline link in the accent colour, with no target attribute. */
export function EmailLink({ href, style = link, children }: EmailLinkProps) {
  return (
    <a href={href} style={style}>
      {children}
    </a>
  );
}

/** A link drawn as a button (an inline-block anchor), with no target attribute. */
export function EmailButton({ href, style = button, children }: EmailLinkProps) {
  return (
    <a href={href} style={style}>
      {children}
    </a>
  );
}
