// Every built email passes caniemail for Gmail and Apple Mail: no feature those clients lack (target, display:none, color-scheme meta…).
import { caniemail } from 'caniemail';
import { describe, expect, it } from 'vitest';
import { sampleValues } from '../../emails/sample-values';
import { courses } from '../../src/course/course';
import { EMAIL_TEMPLATES } from '../../src/generated/email-templates';
import { fillTemplate } from '../../src/messages/fill-template';

const CLIENTS = ['gmail.*', 'apple-mail.*'] as const;

/** The errors caniemail reports for `html`, as "client: feature" lines (warnings are partial support, not failures). */
function compatibilityErrors(html: string): string[] {
  const result = caniemail({ clients: [...CLIENTS], html });
  const errors: string[] = [];
  for (const [client, issues] of result.issues.errors ?? new Map()) {
    for (const issue of issues) errors.push(`${client}: ${issue.title}`);
  }
  return errors;
}

// Every course's emails, each filled with sample values for its longest day.
const emails = courses.flatMap((course) => {
  const values = sampleValues(course);
  return Object.entries(EMAIL_TEMPLATES[course.id]!).map(([name, template]) => ({ name: `${course.id}/${name}`, html: fillTemplate(template.html, values[name]!, 'html') }));
});

describe('emails in Gmail and Apple Mail (caniemail)', () => {
  it('checks every email', () => {
    const seedEmails = emails.filter((email) => email.name.startsWith('rebuild-trust/')).map((email) => email.name.slice('rebuild-trust/'.length));
    expect(seedEmails.sort()).toEqual(['completion', 'confirmation', 'daily-step', 'daily-step-no-quote', 'support-line', 'support-line-without-number', 'welcome']);
  });

  for (const { name, html } of emails) {
    it(`${name}: uses no feature Gmail or Apple Mail lacks`, () => {
      expect(compatibilityErrors(html)).toEqual([]);
      expect(html).not.toMatch(/\starget=/i);
    });
  }

  it('would report a target attribute, display:none and the color-scheme meta tag', () => {
    const bad = '<html><head><meta name="color-scheme" content="light"></head><body><div style="display:none">x</div><a href="https://example.com" target="_blank">x</a></body></html>';
    const errors = compatibilityErrors(bad).join('\n');
    expect(errors).toContain('target attribute');
    expect(errors).toContain('display:none');
    expect(errors).toContain('color-scheme meta tag');
  });

  it('makes the support line in the safety email one tappable number that does not break, and names it in the welcome', () => {
    const safety = emails.find((email) => email.name === 'rebuild-trust/support-line')!.html;
    expect(safety).toMatch(/<a href="tel:\+18007997233" style="[^"]*white-space:nowrap[^"]*"[^>]*>1\u2011800\u2011799\u20117233<\/a>/);
    const welcome = emails.find((email) => email.name === 'rebuild-trust/welcome')!.html;
    expect(welcome).toMatch(/1.800.799.7233/);
  });
});
