// Proves the seed's course as built from content/rebuild-trust: 30 ordered days, the seed's words verbatim, our prompts and practices fit.
/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import { courses, defaultCourse as course, findCourse, findCourseDay } from '../../src/course/course';
import seedText from '../../content/seed.txt?raw';

const COURSE_LENGTH = 30;
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
    expect(course.id).toBe('rebuild-trust');
    expect(course.language).toBe('en');
    expect(course.roles).toEqual(['broke_trust', 'was_hurt', 'together']);
    expect(course.days).toHaveLength(COURSE_LENGTH);
    expect(course.days.map((day) => day.day)).toEqual(Array.from({ length: COURSE_LENGTH }, (_, i) => i + 1));
  });

  it('finds each day by number and nothing outside 1..30', () => {
    for (let n = 1; n <= COURSE_LENGTH; n++) {
      expect(findCourseDay(course, n)?.day).toBe(n);
    }
    for (const n of [0, -1, COURSE_LENGTH + 1, 1.5, Number.NaN]) {
      expect(findCourseDay(course, n)).toBeUndefined();
    }
  });

  it('gives every day a title, quote, text, prompt and practice', () => {
    for (const day of course.days) {
      for (const value of [day.title, day.quote ?? '', day.text, day.ours.prompt, day.ours.practice]) {
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
      expect(ours.practice, `day ${day}`).toMatch(/[.’”]$/);
    }
  });

  it('uses printable text whose curly typography SMS can carry once replaced, and no exclamation marks', () => {
    for (const { day, ours } of course.days) {
      for (const value of [ours.prompt, ours.practice]) {
        const forSms = value.replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/[–—]/g, '-');
        expect(forSms, `day ${day}`).toMatch(PRINTABLE_ASCII);
        expect(forSms, `day ${day}`).not.toMatch(OUTSIDE_GSM7_BASIC);
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
    const introLines = course.introduction.map((block) => block.text);
    expect(course.introduction.filter((block) => block.kind === 'heading')).toHaveLength(4);
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

describe('every built course', () => {
  it('has a unique id, a title, a language, a version and days 1..N', () => {
    expect(courses.map((each) => each.id)).toContain('rebuild-trust');
    expect(new Set(courses.map((each) => each.id)).size).toBe(courses.length);
    for (const each of courses) {
      expect(each.title.trim(), each.id).not.toBe('');
      expect(each.version, each.id).toMatch(/^[0-9a-f]{16}$/);
      expect(each.days.map((day) => day.day), each.id).toEqual(Array.from({ length: each.days.length }, (_, i) => i + 1));
    }
  });

  it('ships our week of check-ins, 7 days, marked as ours in its introduction', () => {
    const checkIns = findCourse('daily-check-ins');
    expect(checkIns?.days).toHaveLength(7);
    expect(checkIns?.language).toBe('en');
    expect(checkIns?.introduction[0]?.text).toContain('written by the Rebuild Trust team');
    expect(checkIns?.days.every((day) => day.quote === null)).toBe(true);
  });

  it('ships a Spanish sample whose language is es', () => {
    const sample = findCourse('pequenos-encuentros');
    expect(sample?.language).toBe('es');
    expect(sample?.dir).toBe('ltr');
    expect(sample?.days).toHaveLength(3);
  });
});
