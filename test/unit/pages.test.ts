// The server-rendered pages keep their contract: form field names, unticked SMS consent, the 30 steps, the safety note, escaping, step navigation.
import { jsx } from 'hono/jsx';
import { describe, expect, it } from 'vitest';
import { defaultCourse as course } from '../../src/course/course';
import { ConfirmedPage } from '../../src/pages/confirmed-page';
import { DayPage } from '../../src/pages/day-page';
import { LandingPage, type LandingPageProps } from '../../src/pages/landing-page';
import { Layout } from '../../src/pages/layout';
import { NoticePage } from '../../src/pages/notice-page';
import { PendingPage } from '../../src/pages/pending-page';
import { UnsubscribePage } from '../../src/pages/unsubscribe-page';

type Attributes = Record<string, string>;
interface Found {
  attrs: Attributes;
  text: string;
}

/** Renders a hono/jsx component to its HTML string. */
async function render<P extends object>(component: (props: P) => unknown, props: P): Promise<string> {
  return String(await jsx(component as never, props as Record<string, unknown>).toString());
}

/** Every element matching `selector`, with its attributes and its text, read by the runtime's own HTML parser. */
async function select(html: string, selector: string): Promise<Found[]> {
  const found: Found[] = [];
  const rewriter = new HTMLRewriter().on(selector, {
    element(element) {
      const entry: Found = { attrs: Object.fromEntries(element.attributes), text: '' };
      found.push(entry);
    },
    text(chunk) {
      const last = found.at(-1);
      if (last) last.text += chunk.text;
    },
  });
  await rewriter.transform(new Response(html)).text();
  return found;
}

async function one(html: string, selector: string): Promise<Found> {
  const found = await select(html, selector);
  expect(found, selector).toHaveLength(1);
  return found[0]!;
}

const decode = (text: string) =>
  text.replace(/&(?:#(\d+)|#x([0-9a-f]+)|(amp|lt|gt|quot|apos));/gi, (_, dec, hex, name: string | undefined) => {
    if (dec) return String.fromCodePoint(Number(dec));
    if (hex) return String.fromCodePoint(Number.parseInt(hex, 16));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[name!.toLowerCase()]!;
  });

const SUPPORT_LINE = 'the Example Support Line, 0800 000 000 (support.example)';
const landingProps: LandingPageProps = {
  course: {
    id: course.id,
    title: course.title,
    description: course.description,
    language: course.language,
    dir: course.dir,
    path: '/',
    days: course.days.map(({ day, title }) => ({ day, title, path: `/day/${day}` })),
  },
  otherCourses: [],
  intro: course.introduction.slice(0, 2).map((block) => block.text),
  sample: { day: 1, title: course.days[0]!.title, quote: course.days[0]!.quote, text: course.days[0]!.text, practice: course.days[0]!.ours.practice, prompt: course.days[0]!.ours.prompt },
  supportLine: SUPPORT_LINE,
  operatorName: null,
  adminShowsReflections: false,
  defaultSendHour: 8,
  emailConsentText: 'Send me one step by email each day for 30 days.',
  smsConsentText: 'I agree to one automated text a day for 30 days. Msg & data rates may apply. Reply STOP to cancel.',
  smsCountries: ['CA', 'US', 'GB'],
};

describe('Layout', () => {
  it('is a whole English document with viewport, no referrer, landmarks and one inline style', async () => {
    const html = await render(Layout, { title: 'A page', children: 'Hello' });
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect((await one(html, 'html')).attrs.lang).toBe('en');
    expect((await one(html, 'meta[name=viewport]')).attrs.content).toContain('width=device-width');
    expect((await one(html, 'meta[name=referrer]')).attrs.content).toBe('no-referrer');
    expect((await one(html, 'header a')).attrs.href).toBe('/');
    expect((await one(html, 'main')).text).toContain('Hello');
    await one(html, 'footer');
    await one(html, 'style');
    expect(await select(html, 'script[src], link:not([rel="icon"]), img, iframe')).toHaveLength(0);
    expect((await one(html, 'title')).text).toBe('A page · Rebuild Trust');
  });
});

describe('LandingPage', () => {
  it('shows the seed opening verbatim and all 30 step titles in order', async () => {
    const html = await render(LandingPage, landingProps);
    const paragraphs = (await select(html, 'main p')).map((p) => decode(p.text));
    for (const paragraph of course.introduction.slice(0, 2).map((block) => block.text)) expect(paragraphs).toContain(paragraph);
    const items = await select(html, 'ol.steps li');
    expect(items).toHaveLength(30);
    expect(items.map((item) => decode(item.text))).toEqual(course.days.map((day) => day.title));
  });

  it('puts the safety note, with the support line, before the signup form', async () => {
    const html = await render(LandingPage, landingProps);
    const [note] = await select(html, 'aside.safety');
    if (!note) throw new Error('no safety note');
    expect(decode(note.text)).toMatch(/[Nn]ot (meant )?for relationships with abuse or violence/);
    expect(decode(note.text)).toMatch(/0800.000.000|Example Support Line/);
    expect(html.indexOf('class="safety')).toBeLessThan(html.indexOf('<form'));
  });

  it('posts the signup form with the agreed field names and defaults', async () => {
    const html = await render(LandingPage, landingProps);
    const form = await one(html, 'form');
    expect(form.attrs).toMatchObject({ method: 'post', action: '/api/subscribe' });

    const radios = await select(html, 'form input[name=channel]');
    expect(radios.map((radio) => [radio.attrs.type, radio.attrs.value, 'checked' in radio.attrs])).toEqual([
      ['radio', 'email', true],
      ['radio', 'sms', false],
    ]);
    expect((await one(html, 'input[name=email]')).attrs).toMatchObject({ type: 'email', autocomplete: 'email' });
    expect((await one(html, 'input[name=phone]')).attrs).toMatchObject({ type: 'tel', autocomplete: 'tel' });
    expect(html).toContain('+1 555 123 4567 or a national number');

    const countries = await select(html, 'select[name=country] option');
    expect(countries.map((option) => option.attrs.value)).toEqual(['CA', 'US', 'GB']);
    expect(countries.map((option) => 'selected' in option.attrs)).toEqual([true, false, false]);

    const hours = await select(html, 'select[name=sendHour] option');
    expect(hours.map((option) => option.attrs.value)).toEqual(Array.from({ length: 24 }, (_, hour) => String(hour)));
    expect(hours.filter((option) => 'selected' in option.attrs).map((option) => option.text)).toEqual(['8:00 a.m.']);
    expect(html).toMatch(/between 9:00 a.m. and 7:00 p.m./);

    expect((await one(html, 'input[name=timezone]')).attrs).toMatchObject({ type: 'hidden', value: 'UTC' });
    expect(html).toContain('Intl.DateTimeFormat().resolvedOptions().timeZone');
    await one(html, 'form button[type=submit]');
  });

  it('leaves the SMS consent unticked and labels it with the consent text', async () => {
    const html = await render(LandingPage, landingProps);
    const consent = await one(html, 'input[name=consent]');
    expect(consent.attrs).toMatchObject({ type: 'checkbox', value: 'true' });
    expect('checked' in consent.attrs).toBe(false);
    const label = await one(html, `label[for=${consent.attrs.id}]`);
    expect(decode(label.text)).toContain(landingProps.smsConsentText);
    const emailHint = await one(html, '#email-consent');
    expect(decode(emailHint.text)).toBe(landingProps.emailConsentText);
  });

  it('ties a label to every visible input and select', async () => {
    const html = await render(LandingPage, landingProps);
    const controls = await select(html, 'input[id], select[id]');
    expect(controls.length).toBeGreaterThanOrEqual(5);
    for (const control of controls) await one(html, `label[for="${control.attrs.id}"]`);
    const unlabelled = (await select(html, 'input')).filter((input) => !input.attrs.id && input.attrs.type !== 'hidden');
    for (const input of unlabelled) expect(input.attrs.type).toBe('radio');
  });

  it('shows a refused signup next to its field when rendered again without JavaScript', async () => {
    const html = await render(LandingPage, {
      ...landingProps,
      error: { message: 'That does not look like a phone number.', field: 'phone' },
      values: { channel: 'sms', phone: '12<3', sendHour: 10 },
    });
    expect(decode((await one(html, '#phone-error')).text)).toBe('That does not look like a phone number.');
    expect((await one(html, 'input[name=phone]')).attrs).toMatchObject({ 'aria-invalid': 'true', value: '12&lt;3' });
    expect('checked' in (await one(html, 'input[value=sms]')).attrs).toBe(true);
    expect('checked' in (await one(html, 'input[name=consent]')).attrs).toBe(false);
    expect((await select(html, 'select[name=sendHour] option[selected]')).map((option) => option.text)).toEqual(['10:00 a.m.']);
  });
});

describe('DayPage', () => {
  const dayPage = (n: number) => render(DayPage, { day: course.days[n - 1]!, total: 30 });

  it('shows the step with its quote in typographic quotes and our practice and prompt marked as ours', async () => {
    const day = course.days[4]!;
    const html = await dayPage(5);
    expect(html).toContain('Day 5 of 30');
    expect(decode((await one(html, 'h1')).text)).toBe(day.title);
    expect(decode((await one(html, 'blockquote')).text)).toBe(`\u201c${day.quote}\u201d`);
    expect(decode(html)).toContain(day.text);
    const ours = decode((await one(html, 'section.ours')).text);
    expect(ours).toContain('A practice for today');
    expect(ours).toContain(day.ours.practice);
    expect(ours).toContain('To reflect on');
    expect(ours).toContain(day.ours.prompt);
  });

  it('links to the previous and next step only where they exist', async () => {
    const links = async (n: number) => (await select(await dayPage(n), 'nav.pager a')).map((link) => link.attrs.href);
    expect(await links(1)).toEqual(['/day/2']);
    expect(await links(15)).toEqual(['/day/14', '/day/16']);
    expect(await links(30)).toEqual(['/day/29']);
  });
});

describe('PendingPage, ConfirmedPage, UnsubscribePage, NoticePage', () => {
  it('tells an email signup to check the inbox and an SMS signup to reply YES', async () => {
    expect((await one(await render(PendingPage, { channel: 'email' }), 'h1')).text).toBe('Check your inbox');
    expect((await one(await render(PendingPage, { channel: 'sms' }), 'h1')).text).toBe('Check your phone: reply YES');
  });

  it('welcomes a confirmed subscriber with the time of Day 1 and the journal link', async () => {
    const props = { firstStepWhen: 'tomorrow at 8:00', journalUrl: '/journal/abc?x=1&y=2', alreadyConfirmed: false };
    const html = await render(ConfirmedPage, props);
    expect(html).toContain('Day 1 arrives tomorrow at 8:00');
    expect((await one(html, 'a.button')).attrs.href).toBe('/journal/abc?x=1&amp;y=2');
    const again = await render(ConfirmedPage, { ...props, alreadyConfirmed: true });
    expect(decode((await one(again, 'h1')).text)).toBe("You're already confirmed");
  });

  it('offers one plain unsubscribe button, then says nothing more will be sent', async () => {
    const html = await render(UnsubscribePage, { actionUrl: '/u/TOKEN', done: false });
    expect((await one(html, 'form')).attrs).toMatchObject({ method: 'post', action: '/u/TOKEN' });
    await one(html, 'form button[type=submit]');
    expect(await select(html, 'input')).toHaveLength(0);
    const done = await render(UnsubscribePage, { actionUrl: '/u/TOKEN', done: true });
    expect(decode(done)).toContain("You're unsubscribed. Nothing more will be sent.");
    expect(await select(done, 'form')).toHaveLength(0);
  });

  it('explains a bad link calmly, escapes the message and links home', async () => {
    const html = await render(NoticePage, { title: "This link isn't valid", message: 'Try <b>again</b>.' });
    expect(decode((await one(html, 'h1')).text)).toBe("This link isn't valid");
    expect(html).toContain('Try &lt;b&gt;again&lt;/b&gt;.');
    expect((await select(html, 'main a')).map((link) => link.attrs.href)).toContain('/');
  });
});
