// The benchmark's command line: `--subscribers N`, `--naive-sample N`, `--sms-share F`, `--timeout-seconds N`, `--resend-rate-limit R`, `--twilio-rate-limit R`.

export interface BenchOptions {
  subscribers: number;
  /** Email subscribers the naive loop takes; its rate is extrapolated to the whole run. */
  naiveSample: number;
  /** Share of SMS subscribers, 0..1. */
  smsShare: number;
  /** Longest the fast run may take before the benchmark gives up. */
  timeoutSeconds: number;
  /** Requests per second the Resend stand-in allows (429 beyond) and the worker is told; 0: no limit. */
  resendRateLimit: number;
  /** Messages per second the Twilio stand-in allows (429 beyond) and the worker is told; 0: no limit. */
  twilioRateLimit: number;
}

export const DEFAULT_BENCH_OPTIONS: BenchOptions = { subscribers: 100_000, naiveSample: 2_000, smsShare: 0.1, timeoutSeconds: 600, resendRateLimit: 0, twilioRateLimit: 0 };

const FLAGS: Record<string, keyof BenchOptions> = {
  '--subscribers': 'subscribers',
  '--naive-sample': 'naiveSample',
  '--sms-share': 'smsShare',
  '--timeout-seconds': 'timeoutSeconds',
  '--resend-rate-limit': 'resendRateLimit',
  '--twilio-rate-limit': 'twilioRateLimit',
};

/** Parses `--flag value` and `--flag=value` pairs; throws on an unknown flag or a value out of range. */
export function parseBenchOptions(args: string[]): BenchOptions {
  const options = { ...DEFAULT_BENCH_OPTIONS };
  for (let index = 0; index < args.length; index++) {
    const [flag, inline] = args[index]!.split('=', 2) as [string, string | undefined];
    const key = FLAGS[flag];
    if (!key) throw new Error(`Unknown option ${flag}; known: ${Object.keys(FLAGS).join(', ')}`);
    const text = inline ?? args[++index];
    const value = Number(text);
    const rate = key === 'resendRateLimit' || key === 'twilioRateLimit';
    const valid = key === 'smsShare' ? value >= 0 && value <= 1 : rate ? Number.isInteger(value) && value >= 1 : Number.isInteger(value) && value > 0;
    if (text === undefined || !valid) throw new Error(`${flag} needs ${key === 'smsShare' ? 'a number from 0 to 1' : 'a whole number above 0'}`);
    options[key] = value;
  }
  return options;
}
