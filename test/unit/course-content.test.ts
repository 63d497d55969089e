// Proves the course data: 30 ordered days, the seed's words kept verbatim, and our prompts and practices fit email and SMS.
/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import { course, findCourseDay, COURSE_LENGTH } from '../../src/course/course';
import seedText from '../../content/seed.txt?raw';

const PROMPT_MAX_LENGTH = 90;
const PRACTICE_MAX_LENGTH = 140;
const PRINTABLE_ASCII = /^[\x20-\x7E]+$/;
/** Printable ASCII characters that GSM-7 lacks (backtick) or only reaches through its extension table. */
const OUTSIDE_GSM7_BASIC = /[`[\]{}\\^~|]/;
/** The line in the seed that separates the introduction from the 30 steps. */
const STEPS_HEADING_PATTERN = /^30 .*Steps/;

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

  it('gives every day a title, quote, text, prompt and practice', () => {
    for (const day of course.days) {
      for (const value of [day.title, day.quote, day.text, day.ours.prompt, day.ours.practice]) {
        expect(value.trim(), `day ${day.day}`).not.toBe('');
      }
    }
  });
});

describe('our prompts and practices', () => {
  it('asks one question of at most 90 characters each day', () => {
    for (const { day, ours } of course.days) {
      expect(ours.prompt.endsWith('?'), `day ${day}: ${ours.prompt}`).toBe(true);
      expect(ours.prompt.split('?')).toHaveLength(2);
      expect(ours.prompt.length, `day ${day}`).toBeLessThanOrEqual(PROMPT_MAX_LENGTH);
      expect(ours.prompt.toLowerCase()).not.toContain('reply to this email');
    }
  });

  it('offers a practice of at most 140 characters each day', () => {
    for (const { day, ours } of course.days) {
      expect(ours.practice.length, `day ${day}`).toBeLessThanOrEqual(PRACTICE_MAX_LENGTH);
      expect(ours.practice, `day ${day}`).toMatch(/\.'?$/);
    }
  });

  it('uses only printable ASCII that SMS carries as single GSM-7 characters, and no exclamation marks', () => {
    for (const { day, ours } of course.days) {
      for (const value of [ours.prompt, ours.practice]) {
        expect(value, `day ${day}`).toMatch(PRINTABLE_ASCII);
        expect(value, `day ${day}`).not.toMatch(OUTSIDE_GSM7_BASIC);
        expect(value, `day ${day}`).not.toContain('!');
      }
    }
  });

  it('never repeats a prompt or a practice', () => {
    const prompts = course.days.map((day) => day.ours.prompt.toLowerCase());
    const practices = course.days.map((day) => day.ours.practice.toLowerCase());
    expect(new Set(prompts).size).toBe(COURSE_LENGTH);
    expect(new Set(practices).size).toBe(COURSE_LENGTH);
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
