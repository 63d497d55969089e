// Proves that an email reply keeps only the person's words: quoted threads and signatures from Gmail, Outlook and Apple Mail go.
/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import { decodeEntities, htmlToText } from '../../src/inbound/email/html-to-text';
import { stripReply } from '../../src/inbound/email/strip-reply';
import appleMailHtml from '../fixtures/replies/apple-mail.html?raw';
import appleMailMacText from '../fixtures/replies/apple-mail-mac.txt?raw';
import appleMailText from '../fixtures/replies/apple-mail.txt?raw';
import gmailHtml from '../fixtures/replies/gmail.html?raw';
import gmailText from '../fixtures/replies/gmail.txt?raw';
import outlookClassicText from '../fixtures/replies/outlook-classic.txt?raw';
import outlookHtml from '../fixtures/replies/outlook.html?raw';
import outlookText from '../fixtures/replies/outlook.txt?raw';

interface ClientReply {
  client: string;
  body: { text?: string; html?: string };
  expected: string;
}

const CLIENT_REPLIES: ClientReply[] = [
  {
    client: 'Gmail, plain text (wrapped "On … wrote:", "-- " signature, three quoted days)',
    body: { text: gmailText, html: gmailHtml },
    expected:
      "I tried the apology from today's step with Sam last night. I named the\n" +
      'exact thing I did instead of saying "sorry for everything".\n\n' +
      'It was harder than I expected, but we talked for an hour without raising\n' +
      'our voices.',
  },
  {
    client: 'Gmail, HTML only (gmail_quote, gmail_signature)',
    body: { html: gmailHtml },
    expected: "We finally had the conversation about money. I listened first & didn't interrupt.\n\nIt\u2019s a start.",
  },
  {
    client: 'Outlook, plain text (underscore rule, "From: … Sent: …" blocks, "Kind regards" signature)',
    body: { text: outlookText },
    expected: "Today I noticed how often I reach for his phone when I feel unsure.\nI didn't do it this time. I told him I felt unsure instead.",
  },
  {
    client: 'Outlook, "-----Original Message-----" and "Get Outlook for iOS"',
    body: { text: outlookClassicText },
    expected: 'We agreed on a weekly check-in on Sundays.\nIt felt small but real.',
  },
  {
    client: 'Outlook, HTML only (divRplyFwdMsg with a "From:" that has no address)',
    body: { html: outlookHtml },
    expected: "I wrote the letter but haven't given it to her yet.\n\nMaybe tomorrow.",
  },
  {
    client: 'Apple Mail on iPhone, plain text ("> On …, at …, … wrote:", "Sent from my iPhone")',
    body: { text: appleMailText },
    expected: 'We did the walk together. No phones.\nI felt him relax halfway round the park.',
  },
  {
    client: 'Apple Mail on Mac, plain text ("On …, at …, … wrote:" above ">" lines)',
    body: { text: appleMailMacText },
    expected: 'Day 7 felt easier. I kept the small promise about calling at lunch.\n\nThank you for these.\nMia',
  },
  {
    client: 'Apple Mail on iPhone, HTML only (blockquote type="cite")',
    body: { html: appleMailHtml },
    expected: 'I said no to something for the first time without apologising.',
  },
];

describe('stripReply', () => {
  it.each(CLIENT_REPLIES)('keeps only the new words of a reply from $client', ({ client, body, expected }) => {
    const stripped = stripReply(body);
    console.log(`\n[stripped reply] ${client}\n${stripped}\n[end]`);
    expect(stripped).toBe(expected);
    expect(stripped).not.toMatch(/^>/m);
    expect(stripped).not.toMatch(/wrote:|Original Message|^From:|Sent from my|Day \d+ of 30/m);
  });

  it('reads CRLF line ends and non-breaking spaces like plain ones', () => {
    const text = 'It went well.\r\nWe laughed.\u00a0Twice.\r\n\r\nOn Tue, Mar 3, 2026 at 8:00 AM Rebuild Trust <course@example.com> wrote:\r\n> Day 3 of 30\r\n';
    expect(stripReply({ text })).toBe('It went well.\nWe laughed. Twice.');
  });

  it('keeps a paragraph that starts with "On" when the quote header comes paragraphs later', () => {
    const text = 'On Friday the apology came out wrong.\n\nToday I tried again and it landed.\n\nOn Wed, Apr 1, 2026 at 8:00 AM Rebuild Trust <course@example.com> wrote:\n> Day 4 of 30\n';
    expect(stripReply({ text })).toBe('On Friday the apology came out wrong.\n\nToday I tried again and it landed.');
  });

  it('keeps answers written between quoted lines and drops the quotes', () => {
    const text = '> What did you notice?\nThat I get defensive fast.\n\n> What will you try tomorrow?\nCounting to ten.\n';
    expect(stripReply({ text })).toBe('That I get defensive fast.\n\nCounting to ten.');
  });

  it('keeps a reply written below the quoted message, and cuts a copy of the original that is not quoted', () => {
    const below = 'On 3/3/26 08:00, Rebuild Trust wrote:\n> Day 3 of 30\n> What did you notice?\n\nMy answer, written underneath.\n';
    expect(stripReply({ text: below })).toBe('My answer, written underneath.');
    const unquotedCopy = 'Short answer today.\n\nOn Tue, Mar 3, 2026 at 8:00 AM Rebuild Trust <course@example.com> wrote:\n\nDay 3 of 30\nWhat did you notice?\n';
    expect(stripReply({ text: unquotedCopy })).toBe('Short answer today.');
  });

  it('finds a French quote header and a localised Outlook header block', () => {
    const french = 'Merci, c\u2019\u00e9tait utile.\n\nLe mar. 3 mars 2026 \u00e0 08:00, Rebuild Trust <course@example.com> a \u00e9crit :\n> Jour 3\n';
    expect(stripReply({ text: french })).toBe('Merci, c\u2019\u00e9tait utile.');
    const german = 'Danke.\n\nVon: Rebuild Trust\nGesendet: Dienstag, 3. M\u00e4rz 2026 08:00\nAn: Lena\n\nDay 3 of 30\n';
    expect(stripReply({ text: german })).toBe('Danke.');
  });

  it('prefers the plain-text part, uses the HTML only when the text part is empty', () => {
    expect(stripReply({ text: 'From the text part.', html: '<p>From the HTML part.</p>' })).toBe('From the text part.');
    expect(stripReply({ text: '  \n', html: '<p>From the HTML part.</p>' })).toBe('From the HTML part.');
  });

  it('is empty when the reply is only quoted history and a signature', () => {
    expect(stripReply({ text: '\nSent from my iPhone\n\n> On 6 Mar 2026, at 08:00, Rebuild Trust wrote:\n> Day 6\n' })).toBe('');
    expect(stripReply({ text: null, html: null })).toBe('');
  });

  it('keeps words that only look like a header when no quoted block follows them', () => {
    const text = 'From: my heart, honestly.\nI said sorry and meant it.';
    expect(stripReply({ text })).toBe(text);
  });
});

describe('htmlToText', () => {
  it('drops head, style and script, breaks lines at blocks and <br>, and lists items', () => {
    const html =
      '<html><head><title>x</title><style>p{color:red}</style></head><body><script>alert(1)</script>' +
      '<p>First<br>second</p><ul><li>one</li><li>two</li></ul><div>last</div></body></html>';
    expect(htmlToText(html)).toBe('First\nsecond\n\n- one\n- two\nlast');
  });

  it('marks each level of <blockquote> with "> "', () => {
    expect(htmlToText('<div>mine</div><blockquote>theirs<blockquote>older</blockquote>theirs again</blockquote>')).toBe(
      'mine\n> theirs\n> > older\n> theirs again',
    );
  });

  it('decodes named and numeric character references, and leaves unknown ones', () => {
    expect(decodeEntities('&lt;a&gt; &amp; &quot;b&quot; &#39;c&#x27; &hellip; &bogus; &#0;')).toBe('<a> & "b" \'c\' \u2026 &bogus; \ufffd');
  });
});
