// The operator's CSV export: one row per subscriber, read from D1 a page at a time and streamed out as it is read.
import type { Database } from '../db/client';
import { subscribersForExport, type ExportedSubscriber } from '../db/admin-queries';
import { encodeCsvRow } from './csv';

/** The export's columns, in order; the header row uses these names. */
export const EXPORT_COLUMNS = [
  'id',
  'channel',
  'address',
  'status',
  'timezone',
  'send_hour',
  'cycle',
  'next_day',
  'last_day_sent',
  'created_at',
  'confirmed_at',
  'ended_at',
  'end_reason',
] as const satisfies readonly (keyof ExportedSubscriber)[];

/** Rows per D1 query: large enough that 100,000 subscribers take 50 queries. */
export const EXPORT_PAGE_SIZE = 2000;

const isoOrEmpty = (instant: number | null) => (instant === null ? null : new Date(instant).toISOString());

/** One subscriber as a CSV record (instants as ISO 8601 UTC, absent values empty). */
export function subscriberCsvRow(row: ExportedSubscriber): string {
  return encodeCsvRow(
    EXPORT_COLUMNS.map((column) => {
      if (column === 'created_at' || column === 'confirmed_at' || column === 'ended_at') return isoOrEmpty(row[column]);
      return row[column];
    }),
  );
}

/**
 * The whole export as a byte stream: the header row, then every subscriber in id order. Each pull
 * reads one page, so memory stays at one page however many subscribers there are.
 */
export function streamSubscriberCsv(db: Database, pageSize: number = EXPORT_PAGE_SIZE): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let afterId = '';
  let headerSent = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(encodeCsvRow(EXPORT_COLUMNS)));
        return;
      }
      const page = await subscribersForExport(db, afterId, pageSize);
      if (page.length > 0) {
        controller.enqueue(encoder.encode(page.map(subscriberCsvRow).join('')));
        afterId = page[page.length - 1]!.id;
      }
      if (page.length < pageSize) controller.close();
    },
  });
}
