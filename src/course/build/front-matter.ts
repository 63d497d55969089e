// The front matter of course.md and days/NN.md (SPEC §7) as zod schemas, so every field is checked the same way.
import { z } from 'zod';
import { ROLES } from '../roles';

const ONE_LINE = /^[^\r\n]*$/;

const oneLine = (what: string) =>
  z
    .string({ error: `${what} must be text` })
    .trim()
    .min(1, { error: `${what} is empty` })
    .regex(ONE_LINE, { error: `${what} must fit on one line` });

const roleId = z.enum(ROLES, { error: `unknown role (known roles: ${ROLES.join(', ')})` });

const isMap = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A prompt or practice: one text for everyone, or a map from role id to text. */
const roleText = (what: string) =>
  z.unknown().transform((value, ctx) => {
    if (isMap(value)) {
      const unknown = Object.keys(value).filter((key) => !(ROLES as readonly string[]).includes(key));
      if (unknown.length > 0) {
        ctx.addIssue({ code: 'custom', message: `${what} has an unknown role ${unknown.join(', ')} (known roles: ${ROLES.join(', ')})` });
        return z.NEVER;
      }
    }
    const schema = isMap(value) ? z.partialRecord(roleId, oneLine(what)) : oneLine(what);
    const result = schema.safeParse(value);
    if (result.success) return result.data;
    for (const issue of result.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path });
    return z.NEVER;
  });

/** A BCP 47 tag that Intl accepts, e.g. `en`, `es`, `pt-BR`. */
const languageTag = z
  .string({ error: 'language must be a BCP 47 tag such as en or es' })
  .trim()
  .refine(
    (tag) => {
      try {
        return Intl.getCanonicalLocales(tag).length === 1;
      } catch {
        return false;
      }
    },
    { error: 'language must be a BCP 47 tag such as en or es' },
  );

export const COURSE_FRONT_MATTER = z.strictObject(
  {
    title: oneLine('title'),
    language: languageTag,
    description: oneLine('description'),
    roles: z
      .array(roleId, { error: 'roles must be a list of role ids' })
      .refine((roles) => new Set(roles).size === roles.length, { error: 'roles lists a role twice' })
      .optional(),
  },
  { error: (issue) => (issue.code === 'unrecognized_keys' ? `unknown field ${issue.keys.join(', ')}` : 'front matter must be a map of fields') },
);
export type CourseFrontMatter = z.infer<typeof COURSE_FRONT_MATTER>;

export const DAY_FRONT_MATTER = z.strictObject(
  {
    title: oneLine('title'),
    quote: oneLine('quote').optional(),
    prompt: roleText('prompt'),
    practice: roleText('practice'),
    sms: oneLine('sms').optional(),
  },
  { error: (issue) => (issue.code === 'unrecognized_keys' ? `unknown field ${issue.keys.join(', ')}` : 'front matter must be a map of fields') },
);
export type DayFrontMatter = z.infer<typeof DAY_FRONT_MATTER>;
