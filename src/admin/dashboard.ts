// Everything the operator page shows, read in parallel and shaped for display (addresses masked, funnel filled in).
import type { Database } from '../db/client';
import { countSentByDay, countSubscribers, failingDeliveries, flaggedReflections, recentReflections, recentSubscribers } from '../db/admin-queries';
import { MAX_ATTEMPTS } from '../delivery/progress';
import { buildFunnel } from './funnel';
import { maskAddress } from './mask-address';
import { allPreviewKeys, previewLabel } from './previews';

/** The operator page's data. Subscriber addresses are masked here, so the page never holds a full one. */
export async function loadDashboard(db: Database) {
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
    flagged,
    reflections,
    previews: allPreviewKeys().map((key) => ({ key: String(key), label: previewLabel(key) })),
  };
}

export type Dashboard = Awaited<ReturnType<typeof loadDashboard>>;
