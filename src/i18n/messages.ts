// One message catalogue per language: English first, Spanish second; any other language falls back to English.
import { EN, type Messages } from './en';
import { ES } from './es';

export type { Messages } from './en';

/** Languages with a complete catalogue, by primary BCP 47 subtag. */
export const CATALOGUES: Readonly<Record<string, Messages>> = { en: EN, es: ES };

/** The catalogue for a BCP 47 tag (`es-MX` uses `es`); English when the language has none. */
export function messagesFor(language: string): Messages {
  const primary = language.toLowerCase().split('-')[0] ?? 'en';
  return CATALOGUES[primary] ?? EN;
}
