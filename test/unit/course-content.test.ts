// Proves the course data: 30 ordered days, the seed's words kept verbatim, and our prompts and practices fit email and SMS.
/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import { course, findCourseDay, COURSE_LENGTH } from '../../src/course/course';
import { practiceFor, promptFor } from '../../src/course/roles';
import { ROLES } from '../../src/db/schema';
import { toGsm7 } from '../../src/messages/gsm7';
import seedText from '../../content/seed.txt?raw';

const PROMPT_MAX_LENGTH = 90;
const PRACTICE_MAX_LENGTH = 140;
/** Printable ASCII plus the curly quotes, apostrophe and ellipsis of our typography. */
const OUR_CHARACTERS = /^[\x20-\x7E\u2018\u2019\u201C\u201D\u2026]+$/;
/** Printable ASCII characters that GSM-7 lacks (backtick) or only reaches through its extension table. */
const OUTSIDE_GSM7_BASIC = /[`[\]{}\\^~|]/;
/** The line in the seed that separates the introduction from the 30 steps. */
const STEPS_HEADING_PATTERN = /^30 .*Steps/;

/** Every day's prompt and practice as each role reads them. */
const ourTexts = course.days.flatMap((day) =>
  ROLES.map((role) => ({ day: day.day, role, prompt: promptFor(day, role), practice: practiceFor(day, role) })),
);

const seedLines = seedText.split(/\r?\n/).map((line) => line.trim());

/** Index of `line` in the seed at or after `from`, or -1. */
function findSeedLine(line: string, from: number): number {
  return seedLines.indexOf(line, from);
}

describe('course model', () => {
  it('has 30 days numbered 1..30 in order', () => {
    expect(COURSE_LENGTH).toBe(30);
    expect(course.days).toHaveLength(COURSE_LENGTH);
    expect(course.days.map((day) => day.day)).toEqual(Array.from({ length: COURSE_LENGTH }, (_, i) => i + 1));
  });

  it('finds each day by number and nothing outside 1..30', () => {
    for (let n = 1; n <= COURSE_LENGTH; n++) {
      expect(findCourseDay(n)?.day).toBe(n);
    }
    for (const n of [0, -1, COURSE_LENGTH + 1, 1.5, Number.NaN]) {
      expect(findCourseDay(n)).toBeUndefined();
    }
  });

  it('gives every day a title, quote, text, and a prompt and practice for each role', () => {
    for (const day of course.days) {
      for (const value of [day.title, day.quote, day.text]) {
        expect(value.trim(), `day ${day.day}`).not.toBe('');
      }
    }
    for (const { day, role, prompt, practice } of ourTexts) {
      expect(prompt.trim(), `day ${day} ${role}`).not.toBe('');
      expect(practice.trim(), `day ${day} ${role}`).not.toBe('');
    }
  });
});

describe('our prompts and practices', () => {
  it('asks one question of at most 90 characters each day, for each role', () => {
    for (const { day, role, prompt } of ourTexts) {
      expect(prompt.endsWith('?'), `day ${day} ${role}: ${prompt}`).toBe(true);
      expect(prompt.split('?')).toHaveLength(2);
      expect(prompt.length, `day ${day} ${role}`).toBeLessThanOrEqual(PROMPT_MAX_LENGTH);
      expect(prompt.toLowerCase()).not.toContain('reply to this email');
    }
  });

  it('offers a practice of at most 140 characters each day, for each role', () => {
    for (const { day, role, practice } of ourTexts) {
      expect(practice.length, `day ${day} ${role}`).toBeLessThanOrEqual(PRACTICE_MAX_LENGTH);
      expect(practice, `day ${day} ${role}`).toMatch(/\.\u201D?$/);
    }
  });

  it('uses curly typography that SMS turns into single GSM-7 characters, and no exclamation marks', () => {
    for (const { day, role, prompt, practice } of ourTexts) {
      for (const value of [prompt, practice]) {
        expect(value, `day ${day} ${role}`).toMatch(OUR_CHARACTERS);
        expect(value, `day ${day} ${role}`).not.toMatch(/["'`]/);
        expect(value, `day ${day} ${role}`).not.toContain('!');
        expect(toGsm7(value), `day ${day} ${role}`).not.toMatch(OUTSIDE_GSM7_BASIC);
      }
    }
  });

  it('never repeats a prompt or a practice', () => {
    const prompts = ourTexts.map((text) => text.prompt.toLowerCase());
    const practices = ourTexts.map((text) => text.practice.toLowerCase());
    expect(new Set(prompts).size).toBe(prompts.length);
    expect(new Set(practices).size).toBe(practices.length);
  });
});

describe("the seed's words", () => {
  it('keeps each day as "N. title", the quote in curly quotes and the text, in order', () => {
    let cursor = 0;
    for (const { day, title, quote, text } of course.days) {
      const titleAt = findSeedLine(`${day}. ${title}`, cursor);
      expect(titleAt, `day ${day} title`).toBeGreaterThanOrEqual(0);
      expect(seedLines[titleAt + 1], `day ${day} quote`).toBe(`\u201C${quote}\u201D`);
      expect(seedLines[titleAt + 2], `day ${day} text`).toBe(text);
      cursor = titleAt + 3;
    }
    expect(seedLines.filter((line) => /^\d+\. /.test(line))).toHaveLength(COURSE_LENGTH);
  });

  it('keeps the introduction verbatim and in order, before the steps', () => {
    const stepsHeadingAt = seedLines.findIndex((line) => STEPS_HEADING_PATTERN.test(line));
    expect(stepsHeadingAt).toBeGreaterThan(0);
    const { opening, sections } = course.introduction;
    const introLines = [...opening, ...sections.flatMap((section) => [section.heading, ...section.paragraphs])];
    expect(introLines.length).toBeGreaterThan(0);
    let cursor = 0;
    for (const line of introLines) {
      const at = findSeedLine(line, cursor);
      expect(at, line).toBeGreaterThanOrEqual(0);
      expect(at, line).toBeLessThan(stepsHeadingAt);
      cursor = at + 1;
    }
    expect(seedLines.slice(0, stepsHeadingAt).filter((line) => line !== '')).toEqual(introLines);
  });
});
