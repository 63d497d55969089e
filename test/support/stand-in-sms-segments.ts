// SMS segment counting for the Twilio stand-in, from the GSM-7 tables in test/fixtures/specs.
import { readFileSync } from 'node:fs';

interface CharacterTables {
  segment_sizes: Record<'GSM-7' | 'UCS-2', { single: number; concatenated_per_segment: number }>;
  gsm7_basic: Array<{ char: string }>;
  gsm7_extension: Array<{ char: string }>;
  smart_encoding_map: Record<string, { from: string; to: string }>;
}

/** How a body travels: its encoding and the number of segments it is split into. */
export interface SmsSegmentation {
  encoding: 'GSM-7' | 'UCS-2';
  segments: number;
}

const tables = JSON.parse(
  readFileSync(new URL('../fixtures/specs/sms-gsm7-smart-encoding.json', import.meta.url), 'utf8'),
) as CharacterTables;
const septetCost = new Map<string, number>([
  ...tables.gsm7_basic.map((entry): [string, number] => [entry.char, 1]),
  ...tables.gsm7_extension.map((entry): [string, number] => [entry.char, 2]),
]);
const smartReplacements = new Map(Object.values(tables.smart_encoding_map).map((entry) => [entry.from, entry.to]));

/**
 * Counts segments the way carriers split a message: GSM-7 when every character is in the GSM-7 tables
 * (extension characters cost two septets and never straddle a segment), UCS-2 otherwise (surrogate pairs
 * stay together). An empty body still costs one segment.
 */
export function countSmsSegments(body: string): SmsSegmentation {
  const characters = Array.from(body);
  const gsm = characters.every((character) => septetCost.has(character));
  const encoding = gsm ? 'GSM-7' : 'UCS-2';
  const costs = characters.map((character) => (gsm ? (septetCost.get(character) ?? 1) : character.length));
  const total = costs.reduce((sum, cost) => sum + cost, 0);
  const sizes = tables.segment_sizes[encoding];
  if (total <= sizes.single) return { encoding, segments: 1 };
  let segments = 1;
  let used = 0;
  for (const cost of costs) {
    if (used + cost > sizes.concatenated_per_segment) {
      segments += 1;
      used = 0;
    }
    used += cost;
  }
  return { encoding, segments };
}

/** Replaces look-alike Unicode characters with their GSM-7 equivalents, as Twilio's Smart Encoding does. */
export function applySmartEncoding(body: string): string {
  return Array.from(body, (character) => smartReplacements.get(character) ?? character).join('');
}
