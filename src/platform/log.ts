// Structured logs: one JSON line per event with its request or invocation id; tokens, addresses and phone numbers never get out.

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';
type Fields = Record<string, unknown>;

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

export interface Logger {
  /** The request or invocation id every line of this logger carries. */
  readonly id: string;
  debug(event: string, fields?: Fields): void;
  info(event: string, fields?: Fields): void;
  warn(event: string, fields?: Fields): void;
  error(event: string, fields?: Fields): void;
}

/** What may look secret or personal in a string, each with what it becomes. Order matters: paths and queries first. */
const REDACTIONS: [RegExp, string][] = [
  [/(\/(?:journal|u|c\/[^/\s]+\/journal)\/)[^/?#\s"]+/gi, '$1[token]'],
  [/([?&](?:token|t|next)=)[^&#\s"]*/gi, '$1[redacted]'],
  [/[^\s@"'<>(),;:/]+@[^\s@"'<>(),;:/]+/g, '[email]'],
  [/\b[a-z2-7]{8,40}\.[a-z2-7]{26}\b/gi, '[token]'],
  [/\b\d{10,15}\.[a-z2-7]{52}\b/gi, '[session]'],
  [/\+\s?\d[\d\s().-]{5,}\d/g, '[phone]'],
  [/\b\d{10,15}\b/g, '[number]'],
  [/\(?\b\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}\b/g, '[phone]'],
  [/\b(?:Bearer|Basic)\s+\S+/gi, '[credential]'],
];

/** `text` with every token, signed path segment, email address and phone number replaced by a placeholder. */
export function redact(text: string): string {
  let out = text;
  for (const [pattern, replacement] of REDACTIONS) out = out.replace(pattern, replacement);
  return out;
}

function redactValue(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return redact(value.length > 2000 ? `${value.slice(0, 2000)}…` : value);
  if (typeof value === 'bigint') return String(value);
  if (value instanceof Error) return redact(value.message.slice(0, 2000));
  if (value === null || typeof value !== 'object') return value;
  if (depth > 4) return '[nested]';
  if (Array.isArray(value)) return value.slice(0, 50).map((item) => redactValue(item, depth + 1));
  const out: Fields = {};
  for (const [key, item] of Object.entries(value)) out[key] = redactValue(item, depth + 1);
  return out;
}

/** The level named by LOG_LEVEL (`debug`, `info`, `warn`, `error`, `silent`); `info` when unset or unknown. */
export function logLevelFrom(value: string | undefined): LogLevel {
  const level = value?.trim().toLowerCase();
  return level && Object.hasOwn(RANK, level) ? (level as LogLevel) : 'info';
}

/** A new id for a request or an invocation: Cloudflare's ray id when there is one, else a random one. */
export function newLogId(ray?: string | null): string {
  return ray && /^[\w-]{8,64}$/.test(ray) ? ray : crypto.randomUUID();
}

/**
 * A logger writing one JSON line per event (`level`, `event`, `id`, then the fields, every string redacted)
 * to the console, which Workers Logs collects. Lines below `level` are dropped; `silent` drops all.
 */
export function createLogger(options: { id: string; level: LogLevel; base?: Fields }): Logger {
  const threshold = RANK[options.level];
  const write = (level: Exclude<LogLevel, 'silent'>, event: string, fields: Fields = {}) => {
    if (RANK[level] < threshold) return;
    const line = JSON.stringify({ level, event, id: options.id, ...(redactValue({ ...options.base, ...fields }, 0) as Fields) });
    if (level === 'error') console.error(line);
    else if (level === 'warn') console.warn(line);
    else console.log(line);
  };
  return {
    id: options.id,
    debug: (event, fields) => write('debug', event, fields),
    info: (event, fields) => write('info', event, fields),
    warn: (event, fields) => write('warn', event, fields),
    error: (event, fields) => write('error', event, fields),
  };
}
