// Everything the operator page shows, read in parallel and shaped for display (addresses masked, funnel filled in).
import type { Database } from '../db/client';
import { openReflection } from '../db/reflections';
import type { ReflectionCipher } from '../security/reflection-cipher';
import { countSentByDay, countSubscribers, failingDeliveries, flaggedReflections, recentReflections, recentSubscribers } from '../db/admin-queries';
import { MAX_ATTEMPTS } from '../dispatch/progress';
import { buildFunnel } from './funnel';
import { maskAddress } from './mask-address';
import { courses } from '../course/course';
import { allPreviewKeys, previewLabel, previewPath } from './previews';

/** The operator page's data. Subscriber addresses are masked here, so the page never holds a full one. */
export async function loadDashboard(db: Database, cipher: ReflectionCipher, showReflections: boolean) {
  const [counts, sentByDay, subscribers, failing, flagged, reflections] = await Promise.all([
    countSubscribers(db),
    countSentByDay(db),
    recentSubscribers(db),
    failingDeliveries(db, MAX_ATTEMPTS),
    flaggedReflections(db),
    recentReflections(db),
  ]);
  return {
    counts,
    funnel: buildFunnel(sentByDay),
    subscribers: subscribers.map(({ address, ...rest }) => ({ ...rest, maskedAddress: maskAddress(address) })),
    failing,
    flagged: await Promise.all(flagged.map((row) => shownReflection(cipher, showReflections, row))),
    reflections: await Promise.all(reflections.map((row) => shownReflection(cipher, showReflections, row))),
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

/** Reflection text is decrypted for the admin page only with ADMIN_SHOWS_REFLECTIONS=true (SPEC §6). */
async function shownReflection<Row extends { body: string }>(cipher: ReflectionCipher, show: boolean, row: Row): Promise<Row> {
  return { ...row, body: show ? (await openReflection(cipher, { body: row.body, raw_text: null })).body : '(text hidden: ADMIN_SHOWS_REFLECTIONS is off)' };
}

export type Dashboard = Awaited<ReturnType<typeof loadDashboard>>;
