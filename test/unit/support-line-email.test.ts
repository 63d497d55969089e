// The support-line answer: our template with the number as a non-breaking tel: link, footer, unsubscribe headers, nothing inbound.
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config';
import { SUPPORT_LINE_SUBJECT } from '../../src/messages/email';
import { nonBreaking, supportLineParts } from '../../src/messages/support-line';
import { composeSupportLineEmail } from '../../src/inbound/reflections/support-line-email';
import { verifyToken } from '../../src/security/tokens';

const base = { DB: {} as D1Database, DELIVERY_QUEUE: {} as Env['DELIVERY_QUEUE'] } as Env;
const subscriber = { id: 'supportreaderone', address: 'reader@example.org' };

function configWith(env: Partial<Env> = {}) {
  return readConfig({ ...base, PUBLIC_URL: 'http://localhost:8787', EMAIL_REPLY_TO: 'reflections@in.example.com', ...env });
}

describe('supportLineParts', () => {
  it('splits the default line into its name, a non-breaking number, an E.164 tel: link and what follows', () => {
    expect(supportLineParts('the US National Domestic Violence Hotline, 1-800-799-7233 (thehotline.org)')).toEqual({
      name: 'the US National Domestic Violence Hotline',
      phone: '1\u2011800\u2011799\u20117233',
      telUrl: 'tel:+18007997233',
      after: ' (thehotline.org)',
    });
  });

  it('reads numbers of other countries and keeps their spaces from breaking', () => {
    expect(supportLineParts('Refuge, 0808 2000 247')).toMatchObject({ name: 'Refuge', phone: '0808\u00a02000\u00a0247', telUrl: 'tel:+448082000247' });
    expect(supportLineParts('+61 13 11 14')).toMatchObject({ name: 'the support line', telUrl: 'tel:+61131114' });
  });

  it('has no parts for a line without a number, which is then shown as words', () => {
    expect(supportLineParts('the helpline listed at findahelpline.com')).toBeNull();
    expect(nonBreaking('a-b c')).toBe('a\u2011b\u00a0c');
  });
});

describe('composeSupportLineEmail', () => {
  it('builds the support-line template: tel: link that never wraps, journal and pause links, footer and one-click unsubscribe', async () => {
    const config = configWith();
    const email = await composeSupportLineEmail(config, subscriber);
    expect(email.to).toBe(subscriber.address);
    expect(email.subject).toBe(SUPPORT_LINE_SUBJECT);
    expect(email.html).toMatch(/<a href="tel:\+18007997233" style="[^"]*white-space:nowrap[^"]*"[^>]*>1\u2011800\u2011799\u20117233<\/a> \(thehotline\.org\)\./);
    const journal = /href="(http:\/\/localhost:8787\/journal\/[^"#]+)"/.exec(email.html)![1]!;
    expect(await verifyToken(config.tokenSecret, 'journal', journal.split('/').pop()!)).toBe(subscriber.id);
    expect(email.html).toContain(`href="${journal}#pause"`);
    const unsubscribe = /href="(http:\/\/localhost:8787\/u\/[^"]+)"/.exec(email.html)![1]!;
    expect(await verifyToken(config.tokenSecret, 'unsubscribe', unsubscribe.split('/').pop()!)).toBe(subscriber.id);
    expect(email.headers).toMatchObject({
      'List-Unsubscribe': expect.stringContaining(`<${unsubscribe}>, <mailto:reflections+`),
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      'List-Id': expect.stringContaining('<rebuild-trust.localhost>'),
    });
    expect(Object.keys(email.headers)).not.toContain('In-Reply-To');
    expect(email.replyTo).toMatch(/^reflections\+[^@]+@in\.example\.com$/);
    expect(email.text).toContain('If you are in danger right now, please call your local emergency number.');
    expect(email.text).toContain('you can call the US National Domestic Violence Hotline at 1\u2011800\u2011799\u20117233 tel:+18007997233 (thehotline.org).');
    expect(email.text).toContain(`pause the course ${journal}#pause`);
    expect(email.text).toContain(config.postalAddress);
  });

  it('escapes a configured support line and falls back to words when it has no number', async () => {
    const email = await composeSupportLineEmail(configWith({ SUPPORT_LINE: 'the <b>local</b> helpline & "friends"' }), subscriber);
    expect(email.html).toContain('you can contact the &lt;b&gt;local&lt;/b&gt; helpline &amp; &quot;friends&quot;.');
    expect(email.html).not.toContain('tel:');
    expect(email.text).toContain('you can contact the <b>local</b> helpline & "friends".');
  });
});
