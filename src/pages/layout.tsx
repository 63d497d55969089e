// The frame every page shares: document head, a skip link, the small header, <main> and a footer.
/** @jsxImportSource hono/jsx */
import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import { PAGE_STYLES } from './styles';

export const SITE_NAME = 'Rebuild Trust';

export interface LayoutProps {
  title: string;
  children?: Child;
  /** A wider column, for pages of tables and previews. */
  wide?: boolean;
  /** Asks search engines to leave the page out (pages reached by private links). */
  noindex?: boolean;
  /** An inline script, placed at the end of <body>; pages must work without it. */
  script?: string;
  /** Language of the page's main text (a course's `language`), and its direction. */
  lang?: string;
  dir?: 'ltr' | 'rtl';
}

/**
 * A whole HTML document (with doctype) around `children`. Links carry private tokens, so the
 * page sends no referrer; nothing is loaded from elsewhere.
 */
export function Layout({ title, children, wide = false, noindex = false, script, lang = 'en', dir = 'ltr' }: LayoutProps) {
  const column = wide ? 'wrap wide' : 'wrap';
  const documentTitle = title === SITE_NAME ? SITE_NAME : `${title} · ${SITE_NAME}`;
  return (
    <>
      {raw('<!doctype html>')}
      <html lang={lang} dir={dir}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <meta name="referrer" content="no-referrer" />
          {noindex && <meta name="robots" content="noindex, nofollow" />}
          <title>{documentTitle}</title>
          <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
          <link rel="icon" href="/favicon.ico" sizes="32x32" />
          <style dangerouslySetInnerHTML={{ __html: PAGE_STYLES }} />
        </head>
        <body>
          <a class="skip" href="#content">
            Skip to content
          </a>
          <header class="site-header">
            <div class={column}>
              <a class="brand" href="/">
                {SITE_NAME}
              </a>
            </div>
          </header>
          <main id="content" tabindex={-1}>
            <div class={column}>{children}</div>
          </main>
          <footer class="site-footer">
            <div class={column}>
              <p>
                {SITE_NAME}: 30 steps to regain trust in a relationship, one gentle step a day. Go at your own pace; you
                can stop at any time.
              </p>
            </div>
          </footer>
          {script && <script dangerouslySetInnerHTML={{ __html: script }} />}
        </body>
      </html>
    </>
  );
}
