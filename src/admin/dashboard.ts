// Everything the operator page shows, read in parallel and shaped for display (addresses masked, funnels filled in, words only if allowed).
import type { Database } from '../db/client';
import {
  countReflections,
  countSentByCourseAndDay,
  countSignupsByCourse,
  countSubscribers,
  failingDeliveries,
  flaggedReflections,
  recentReflections,
  recentSubscribers,
} from '../db/admin-queries';
import { MAX_ATTEMPTS } from '../schedule/progress';
import { buildCourseFunnels } from './funnel';
import { maskAddress } from './mask-address';
import { courses } from '../course/course';
import type { ReflectionCipher } from '../security/reflection-cipher';
import { allPreviewKeys, previewLabel, previewPath } from './previews';
import { revealReflection } from './reflection-visibility';

/**
 * The operator page's data. Subscriber addresses are masked here, so the page never holds a full one; the text
 * of reflections is read only when `showReflections` (ADMIN_SHOWS_REFLECTIONS=true), else null.
 */
export async function loadDashboard(db: Database, options: { showReflections: boolean; cipher: ReflectionCipher }) {
  const [counts, signups, sent, subscribers, failing, flagged, reflectionCounts, reflections] = await Promise.all([
    countSubscribers(db),
    countSignupsByCourse(db),
    countSentByCourseAndDay(db),
    recentSubscribers(db),
    failingDeliveries(db, MAX_ATTEMPTS),
    flaggedReflections(db),
    countReflections(db),
    options.showReflections ? recentReflections(db) : Promise.resolve([]),
  ]);
  const reveal = async <T extends { body: string }>(rows: T[]) =>
    Promise.all(rows.map(async ({ body, ...rest }) => ({ ...rest, text: options.showReflections ? await revealReflection(options.cipher, body) : null })));
  return {
    counts,
    funnels: buildCourseFunnels(signups, sent),
    subscribers: subscribers.map(({ address, ...rest }) => ({ ...rest, maskedAddress: maskAddress(address) })),
    failing,
    flagged: await reveal(flagged),
    reflectionCounts,
    reflections: await reveal(reflections),
    showReflections: options.showReflections,
    previews: courses.map((course) => ({
      course: course.title,
      messages: allPreviewKeys(course).map((key) => ({
        label: previewLabel(key, course),
        emailPath: previewPath('email', key, course),
        smsPath: previewPath('sms', key, course),
      })),
    })),
  };
}

export type Dashboard = Awaited<ReturnType<typeof loadDashboard>>;
