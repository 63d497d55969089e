// Filling the prebuilt email templates: escaping, missing values, no re-expansion, and the real daily step.
import { describe, expect, it } from 'vitest';
import { findCourseDay } from '../../src/course/course';
import { practiceFor, promptFor } from '../../src/course/roles';
import { EMAIL_TEMPLATES, EMAIL_TEMPLATE_PLACEHOLDERS, type EmailTemplateValues } from '../../src/generated/email-templates';
import { escapeHtml, fillTemplate } from '../../src/messages/fill-template';

function dailyStepValues(dayNumber: number): EmailTemplateValues<'daily-step'> {
  const day = findCourseDay(dayNumber);
  if (!day) throw new Error(`No course day ${dayNumber}`);
  return {
    dayNumber: String(day.day),
    title: day.title,
    quote: day.quote,
    text: day.text,
    practice: practiceFor(day, 'was_hurt'),
    prompt: promptFor(day, 'was_hurt'),
    dayUrl: `https://trust.example.com/day/${day.day}`,
    unsubscribeUrl: 'https://trust.example.com/u/tok?a=1&b=2',
    journalUrl: 'https://trust.example.com/journal/tok',
    postalAddress: '1 Main St, Springfield',
  };
}

describe('fillTemplate', () => {
  it('replaces every placeholder, including repeats, and keeps the text around them', () => {
    expect(fillTemplate('Hi {{name}}, day {{n}} of 30. Bye {{name}}.', { name: 'Sam', n: '3' }, 'text')).toBe(
      'Hi Sam, day 3 of 30. Bye Sam.',
    );
  });

  it('HTML-escapes & < > " \' in values for html and leaves them alone for text', () => {
    const value = `Tom & "Jerry" <b>'s</b>`;
    expect(fillTemplate('<p title="{{v}}">{{v}}</p>', { v: value }, 'html')).toBe(
      '<p title="Tom &amp; &quot;Jerry&quot; &lt;b&gt;&#39;s&lt;/b&gt;">Tom &amp; &quot;Jerry&quot; &lt;b&gt;&#39;s&lt;/b&gt;</p>',
    );
    expect(fillTemplate('{{v}}', { v: value }, 'text')).toBe(value);
  });

  it('throws an error naming the placeholder when a value is missing', () => {
    expect(() => fillTemplate('Hello {{name}} from {{city}}', { name: 'Sam' }, 'html')).toThrow('{{city}}');
  });

  it('does not take inherited properties as values', () => {
    expect(() => fillTemplate('{{constructor}}', {}, 'text')).toThrow('{{constructor}}');
  });

  it('does not re-expand placeholders that appear inside values', () => {
    const values = { a: '{{b}}', b: 'expanded' };
    expect(fillTemplate('{{a}} {{b}}', values, 'text')).toBe('{{b}} expanded');
    expect(fillTemplate('{{a}}', { a: '{{a}}' }, 'html')).toBe('{{a}}');
  });

  it('refuses a template with a stray or unclosed placeholder', () => {
    expect(() => fillTemplate('oops {{ name }}', { ' name ': 'x' }, 'text')).toThrow(/Malformed placeholder/);
    expect(() => fillTemplate('never closed {{name', { name: 'x' }, 'text')).toThrow(/Malformed placeholder/);
  });

  it('returns a template without placeholders unchanged', () => {
    expect(fillTemplate('plain & simple }}', {}, 'html')).toBe('plain & simple }}');
  });
});

describe('escapeHtml', () => {
  it('escapes exactly the five special characters', () => {
    expect(escapeHtml(`a&b<c>d"e'f g`)).toBe('a&amp;b&lt;c&gt;d&quot;e&#39;f g');
  });
});

describe('the generated daily-step template', () => {
  const template = EMAIL_TEMPLATES['daily-step'];

  it('needs exactly the values a daily step provides', () => {
    expect([...EMAIL_TEMPLATE_PLACEHOLDERS['daily-step']].sort()).toEqual(Object.keys(dailyStepValues(3)).sort());
  });

  it('fills Day 3 into HTML with the escaped title, quote and links and no leftover braces', () => {
    const values = dailyStepValues(3);
    const html = fillTemplate(template.html, values, 'html');
    expect(html).toContain(`>${escapeHtml(values.title)}</h1>`);
    expect(html).toContain(`“${escapeHtml(values.quote)}”`);
    expect(html).toContain('Day 3 of 30');
    expect(html).toContain('href="https://trust.example.com/u/tok?a=1&amp;b=2"');
    expect(html).toContain('href="https://trust.example.com/day/3"');
    expect(html).not.toContain('{{');
  });

  it('escapes hostile values in the real template', () => {
    const values = { ...dailyStepValues(3), title: '<script>alert("x")</script>' };
    const html = fillTemplate(template.html, values, 'html');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
  });

  it('fills Day 3 into plain text with the prompt, the reply invitation and the URLs as text', () => {
    const values = dailyStepValues(3);
    const text = fillTemplate(template.text, values, 'text');
    expect(text).toContain(values.title);
    expect(text).toContain(`${values.prompt}\n`);
    expect(text).toMatch(/reply to this email\.?\n/);
    expect(text).toContain('https://trust.example.com/day/3');
    expect(text).toContain('https://trust.example.com/u/tok?a=1&b=2');
    expect(text).toContain('https://trust.example.com/journal/tok');
    expect(text).not.toContain('{{');
  });

  it('throws instead of sending a step when one value is missing', () => {
    const { practice: _practice, ...withoutPractice } = dailyStepValues(3);
    expect(() => fillTemplate(template.html, withoutPractice, 'html')).toThrow('{{practice}}');
  });
});
