// The journal's self-service: open by signed link, pause, resume, restart, change the rhythm, delete everything (SPEC §4).
import { WELCOME_DAY } from '../course/course';
import { editReflection } from '../db/reflections';
import type { ReflectionCipher } from '../security/reflection-cipher';
import type { Database } from '../db/client';
import {
  changeRhythm,
  changeRole,
  deleteSubscriberData,
  loadJournalRecord,
  pauseSubscriber,
  restartSubscriber,
  resumeSubscriber,
  type ExpectedState,
  type JournalRecord,
} from '../db/journal-queries';
import type { Role, Subscriber } from '../db/schema';
import { findSubscriber } from '../db/subscribers';
import { nextSendAt } from '../schedule/due';
import { verifyToken } from '../security/tokens';
import { actionsFor } from './journal-view';
import type { RhythmSettings } from './settings-input';

/** `done`: the change took effect (or already had); `not_allowed`: not from the subscriber's status; `not_found`: no such subscriber. */
export type JournalChange = 'done' | 'not_allowed' | 'not_found';

/**
 * Keeps the subscriber's own rewording of one of their reflections (at most 12,000 characters), marked edited so a
 * later re-extraction never replaces it. `not_allowed` when that reflection is not theirs.
 */
export async function rewriteOwnReflection(
  services: { db: Database; reflectionCipher: ReflectionCipher },
  subscriberId: string,
  reflectionId: number,
  text: string,
  now: number,
): Promise<JournalChange> {
  return (await editReflection(services, subscriberId, reflectionId, text.slice(0, 12_000), now)) ? 'done' : 'not_allowed';
}

/** The subscriber id a journal token was signed for, or null when the link is not valid. */
export async function journalSubscriberId(tokenSecret: string, token: string): Promise<string | null> {
  return verifyToken(tokenSecret, 'journal', token);
}

/** Everything kept about the subscriber behind a journal token; undefined for an invalid token or a deleted subscriber. */
export async function openJournal(
  services: { db: Database; reflectionCipher: ReflectionCipher },
  tokenSecret: string,
  token: string,
): Promise<JournalRecord | undefined> {
  const subscriberId = await journalSubscriberId(tokenSecret, token);
  return subscriberId ? loadJournalRecord(services.db, services.reflectionCipher, subscriberId) : undefined;
}

type Decision = 'done' | 'not_allowed' | ((expected: ExpectedState) => Promise<boolean>);

/**
 * Reads the subscriber, decides, and applies the change guarded by the status and round it was decided on;
 * when a tick or another click changed the row in between, decides again from the fresh row.
 */
async function applyChange(db: Database, subscriberId: string, decide: (subscriber: Subscriber) => Decision): Promise<JournalChange> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const subscriber = await findSubscriber(db, subscriberId);
    if (!subscriber) return 'not_found';
    const decision = decide(subscriber);
    if (typeof decision === 'string') return decision;
    if (await decision({ status: subscriber.status, cycle: subscriber.cycle })) return 'done';
  }
  return 'not_allowed';
}

const rhythmOf = (subscriber: Subscriber) => ({ timezone: subscriber.timezone, sendHour: subscriber.send_hour, lastStepSentAt: subscriber.last_sent_at });

/** Pauses an active course: nothing is sent until they resume. Pausing twice is fine. */
export function pauseCourse(db: Database, subscriberId: string): Promise<JournalChange> {
  return applyChange(db, subscriberId, (subscriber) => {
    if (subscriber.status === 'paused') return 'done';
    if (!actionsFor(subscriber.status).pause) return 'not_allowed';
    return (expected) => pauseSubscriber(db, subscriberId, expected);
  });
}

/** Resumes a paused course where it stopped: the next message is due at the next send hour after `now`. */
export function resumeCourse(db: Database, subscriberId: string, now: number): Promise<JournalChange> {
  return applyChange(db, subscriberId, (subscriber) => {
    if (subscriber.status === 'active') return 'done';
    if (!actionsFor(subscriber.status).resume) return 'not_allowed';
    return (expected) => resumeSubscriber(db, subscriberId, expected, nextSendAt(rhythmOf(subscriber), now));
  });
}

/**
 * Starts the course again at Day 1 (no second welcome), due at the next send hour that keeps one step per local
 * day. `fromRound` is the round the person saw on the page, so a repeated submit does not restart twice.
 */
export function restartCourse(db: Database, subscriberId: string, fromRound: number, now: number): Promise<JournalChange> {
  return applyChange(db, subscriberId, (subscriber) => {
    if (subscriber.cycle > fromRound && subscriber.status === 'active') return 'done';
    if (subscriber.cycle !== fromRound || !actionsFor(subscriber.status).restart) return 'not_allowed';
    return (expected) => restartSubscriber(db, subscriberId, expected, nextSendAt(rhythmOf(subscriber), now));
  });
}

/**
 * Stores a new send hour and time zone (already validated for the channel). An active course is rescheduled
 * to the next send hour in the new rhythm; a welcome still waiting to go out keeps its time.
 */
export function changeSettings(db: Database, subscriberId: string, settings: RhythmSettings, now: number): Promise<JournalChange> {
  return applyChange(db, subscriberId, (subscriber) => {
    if (!actionsFor(subscriber.status).settings) return 'not_allowed';
    const reschedule = subscriber.status === 'active' && subscriber.next_day > WELCOME_DAY;
    const nextDueAt = reschedule
      ? nextSendAt({ timezone: settings.timezone, sendHour: settings.sendHour, lastStepSentAt: subscriber.last_sent_at }, now)
      : undefined;
    return (expected) => changeRhythm(db, subscriberId, expected, { ...settings, nextDueAt });
  });
}

/** Changes which prompts and practices the subscriber gets, from the next step on; allowed in every status. */
export async function changeCourseRole(db: Database, subscriberId: string, role: Role): Promise<JournalChange> {
  return (await changeRole(db, subscriberId, role)) ? 'done' : 'not_found';
}

/** Deletes the subscriber and everything kept about them, for good. Returns `not_found` when already gone. */
export async function deleteJournal(db: Database, subscriberId: string): Promise<JournalChange> {
  const subscriber = await findSubscriber(db, subscriberId);
  if (!subscriber) return 'not_found';
  return (await deleteSubscriberData(db, subscriber)) ? 'done' : 'not_found';
}
