// Proves our per-role texts: every day speaks to each role, and the hurt partner is never asked to account for the betrayal.
/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { defaultCourse as course } from '../../src/course/course';
import { practiceFor, promptFor, stepForRole } from '../../src/course/role-text';
import { ROLES, type Role } from '../../src/db/schema';

const dayFiles = import.meta.glob('../../content/rebuild-trust/days/*.md', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

/** The front matter of a day file, read as YAML. */
function frontMatter(source: string): Record<string, unknown> {
  const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(source);
  if (!match) throw new Error('no front matter');
  return parse(match[1]!) as Record<string, unknown>;
}

const days = Object.entries(dayFiles)
  .sort(([a], [b]) => a.localeCompare(b))
  .map(([file, source]) => ({ file, meta: frontMatter(source) }));

/**
 * Phrases that would ask the reader to account for the betrayal: what they did, their mistake or actions,
 * an apology or a confession, their part in it. None belongs in a text for the partner who was hurt.
 */
const ACCOUNTING_PATTERNS = [
  /\bwhat you did\b/i,
  /\byour (own )?(mistake|mistakes|actions|behaviou?r|betrayal|affair|lie|lies|part|fault|share of)\b/i,
  /\bapolog/i,
  /\bconfess/i,
  /\byou (broke|caused|betrayed|cheated|lied|hurt (them|your partner))\b/i,
  /\bexplain (yourself|why you)\b/i,
  /\bown what\b/i,
  /\bresponsibility for\b/i,
  /\bharm (you|your)\b/i,
];

/** Spellings of the other convention, for our text that follows US spelling throughout. */
const UK_SPELLINGS = /\b(behaviour|honour|colour|favour|recognis|apologis|organis|realis|minimis|centre|learnt|practise)/i;

describe('the per-role texts in the course files', () => {
  it('has 30 day files, each with a prompt and a practice for every role', () => {
    expect(days).toHaveLength(30);
    for (const { file, meta } of days) {
      for (const field of ['prompt', 'practice']) {
        const value = meta[field] as Record<string, unknown>;
        expect(typeof value, `${file} ${field}`).toBe('object');
        expect(Object.keys(value).sort(), `${file} ${field}`).toEqual([...ROLES].sort());
        for (const role of ROLES) expect(String(value[role]).trim(), `${file} ${field} ${role}`).not.toBe('');
      }
    }
  });

  it('matches the texts the product sends today', () => {
    for (const [index, { meta }] of days.entries()) {
      const day = course.days[index]!;
      for (const role of ROLES) {
        expect(promptFor(day, role)).toBe((meta.prompt as Record<Role, string>)[role]);
        expect(practiceFor(day, role)).toBe((meta.practice as Record<Role, string>)[role]);
      }
    }
  });

  it('never asks the partner who was hurt to account for, confess or explain the betrayal', () => {
    for (const day of course.days) {
      for (const text of [promptFor(day, 'was_hurt'), practiceFor(day, 'was_hurt')]) {
        for (const pattern of ACCOUNTING_PATTERNS) expect(text, `day ${day.day}`).not.toMatch(pattern);
      }
    }
  });

  it('would catch a prompt that asks the hurt partner to confess', () => {
    const offending = ['When you think about what you did, what comes up?', 'What harm did your actions cause?', 'Draft an apology today.'];
    for (const text of offending) expect(ACCOUNTING_PATTERNS.some((pattern) => pattern.test(text)), text).toBe(true);
  });

  it('speaks to the partner who broke trust about their own accountability somewhere', () => {
    const texts = course.days.flatMap((day) => [promptFor(day, 'broke_trust'), practiceFor(day, 'broke_trust')]).join('\n');
    expect(texts).toMatch(/what you did/);
    expect(texts).toMatch(/apology/);
  });

  it('gives each role its own prompt on every day', () => {
    const distinct = course.days.filter((day) => new Set(ROLES.map((role) => promptFor(day, role))).size === ROLES.length);
    expect(distinct.length).toBe(course.days.length);
  });

  it('follows US spelling in every text of ours', () => {
    for (const day of course.days) {
      for (const role of ROLES) {
        expect(promptFor(day, role), `day ${day.day} ${role}`).not.toMatch(UK_SPELLINGS);
        expect(practiceFor(day, role), `day ${day.day} ${role}`).not.toMatch(UK_SPELLINGS);
      }
    }
  });
});

describe('promptFor and practiceFor', () => {
  it('pick the text for the role, and a plain string serves every role', () => {
    const day = { ours: { prompt: 'c?', practice: 'Everyone.' }, byRole: { prompt: { broke_trust: 'a?', was_hurt: 'b?', together: 'c?' }, practice: 'Everyone.' } };
    expect(promptFor(day, 'broke_trust')).toBe('a?');
    expect(promptFor(day, 'was_hurt')).toBe('b?');
    expect(promptFor(day, 'together')).toBe('c?');
    for (const role of ROLES) expect(practiceFor(day, role)).toBe('Everyone.');
    const partial = { ours: { prompt: 'Shared?', practice: 'Shared.' }, byRole: { prompt: { was_hurt: 'Yours?' }, practice: 'Shared.' } };
    expect(promptFor(partial, 'was_hurt')).toBe('Yours?');
    expect(promptFor(partial, 'broke_trust')).toBe('Shared?');
  });

  it('stepForRole keeps the seed words and resolves ours', () => {
    const day = course.days[2]!;
    const step = stepForRole(day, 'was_hurt');
    expect([step.title, step.quote, step.text]).toEqual([day.title, day.quote, day.text]);
    expect(step.ours.prompt).toBe(promptFor(day, 'was_hurt'));
    expect(step.ours.prompt).not.toBe(promptFor(day, 'broke_trust'));
  });
});
