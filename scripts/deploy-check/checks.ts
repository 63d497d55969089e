// Pure: every way a production configuration can be wrong before it goes live, each named with the variable at fault.

export type Severity = 'error' | 'warning';

export interface Problem {
  severity: Severity;
  /** The variable or wrangler.toml key at fault. */
  name: string;
  /** A stable id, one per kind of problem (tests and scripts match on it). */
  code: string;
  message: string;
}

/** What the check reads: the variables and secrets as the deployed worker would see them, and wrangler.toml's bindings. */
export interface DeployConfig {
  vars: Readonly<Record<string, string | undefined>>;
  wrangler: {
    databaseId?: string;
    queueProducer?: string;
    queueConsumer?: string;
    crons?: readonly string[];
  };
}

/** The placeholders this repository ships, which must be replaced before going live. */
export const PLACEHOLDERS = {
  postalAddress: 'Rebuild Trust, 123 Example Street, Suite 100, Springfield, USA',
  databaseId: '00000000-0000-0000-0000-000000000000',
  devTokenSecret: 'dev-only-token-secret-never-use-in-production',
} as const;

const E164 = /^\+[1-9]\d{6,14}$/;
const TWILIO_ACCOUNT_SID = /^AC[0-9a-f]{32}$/;
const TWILIO_SERVICE_SID = /^MG[0-9a-f]{32}$/;
const RESEND_WEBHOOK_SECRET = /^whsec_[A-Za-z0-9+/]+={0,2}$/;
const MAILBOX = /^[^\s@<>()",;:]+@([a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+)$/i;
/** Reserved for documentation (RFC 2606 / 6761): mail to them goes nowhere. */
const RESERVED_DOMAIN = /(^|\.)(example\.(com|org|net)|example|test|invalid|localhost)$/i;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CRON = '*/15 * * * *';

/** The address of `Name <address>` or of a bare address, lower-cased, with its domain; null when it is not one. */
export function parseMailbox(value: string): { address: string; domain: string } | null {
  const trimmed = value.trim();
  const angle = /^(?:"[^"]*"\s*|[^<>"]*)<([^<>]+)>$/.exec(trimmed);
  const address = (angle ? angle[1]! : trimmed).trim().toLowerCase();
  const match = MAILBOX.exec(address);
  return match ? { address, domain: match[1]!.toLowerCase() } : null;
}

/** The decoded length of a base64 string, or null when it is not base64. */
function base64Bytes(value: string): number | null {
  if (value.length % 4 !== 0) return null;
  try {
    return atob(value).length;
  } catch {
    return null;
  }
}

/**
 * Checks a production configuration against SPEC §2 and the providers' formats. Errors stop a deploy
 * (the worker would refuse to run, send nothing, or mislead subscribers); warnings are choices to confirm.
 */
export function checkDeployConfig(config: DeployConfig): Problem[] {
  const problems: Problem[] = [];
  const error = (name: string, code: string, message: string) => problems.push({ severity: 'error', name, code, message });
  const warn = (name: string, code: string, message: string) => problems.push({ severity: 'warning', name, code, message });
  const value = (name: string) => config.vars[name]?.trim() || undefined;

  const publicUrl = value('PUBLIC_URL');
  if (!publicUrl) error('PUBLIC_URL', 'public_url_missing', 'PUBLIC_URL is not set: every link would point at http://localhost:8787.');
  else {
    let url: URL | null = null;
    try {
      url = new URL(publicUrl);
    } catch {
      error('PUBLIC_URL', 'public_url_invalid', `PUBLIC_URL "${publicUrl}" is not an absolute URL.`);
    }
    if (url && url.protocol !== 'https:') error('PUBLIC_URL', 'public_url_not_https', `PUBLIC_URL must start with https:// (got ${url.protocol}//): links carry private tokens.`);
    if (url && /^(localhost|127\.0\.0\.1|\[::1\])$/.test(url.hostname)) error('PUBLIC_URL', 'public_url_local', 'PUBLIC_URL points at this machine; set the address people will open.');
    if (url && (url.pathname !== '/' || url.search || url.hash)) warn('PUBLIC_URL', 'public_url_has_path', 'PUBLIC_URL has a path or query; Twilio signatures are checked against PUBLIC_URL + the webhook path, so use the bare origin.');
  }

  const tokenSecret = value('TOKEN_SECRET');
  if (!tokenSecret) error('TOKEN_SECRET', 'token_secret_missing', 'TOKEN_SECRET is not set: the worker refuses to run on a public https address without it (wrangler secret put TOKEN_SECRET).');
  else if (tokenSecret === PLACEHOLDERS.devTokenSecret) error('TOKEN_SECRET', 'token_secret_dev_value', 'TOKEN_SECRET is the development value; generate one with: openssl rand -base64 48');
  else if (tokenSecret.length < 32) error('TOKEN_SECRET', 'token_secret_short', `TOKEN_SECRET has ${tokenSecret.length} characters; it needs 32 or more.`);

  const adminToken = value('ADMIN_TOKEN');
  if (!adminToken) warn('ADMIN_TOKEN', 'admin_token_missing', 'ADMIN_TOKEN is not set: /admin will not exist.');
  else if (adminToken.length < 32) error('ADMIN_TOKEN', 'admin_token_short', `ADMIN_TOKEN has ${adminToken.length} characters; one shorter than 32 is refused and the admin stays off.`);

  const resendKey = value('RESEND_API_KEY');
  if (!resendKey) error('RESEND_API_KEY', 'resend_key_missing', 'RESEND_API_KEY is not set: emails would go to the local outbox, not to people.');
  else if (!resendKey.startsWith('re_')) warn('RESEND_API_KEY', 'resend_key_form', 'RESEND_API_KEY does not start with "re_", as Resend keys do.');

  const webhookSecret = value('RESEND_WEBHOOK_SECRET');
  if (!webhookSecret) warn('RESEND_WEBHOOK_SECRET', 'resend_webhook_secret_missing', 'RESEND_WEBHOOK_SECRET is not set: /webhooks/resend answers 503, so bounces, complaints and inbound replies are not recorded.');
  else if (!RESEND_WEBHOOK_SECRET.test(webhookSecret) || (base64Bytes(webhookSecret.slice(6)) ?? 0) < 16) {
    error('RESEND_WEBHOOK_SECRET', 'resend_webhook_secret_form', 'RESEND_WEBHOOK_SECRET must be the webhook\'s signing secret as Resend shows it: "whsec_" followed by base64.');
  }

  const emailFrom = value('EMAIL_FROM');
  const from = emailFrom ? parseMailbox(emailFrom) : null;
  if (!emailFrom) error('EMAIL_FROM', 'email_from_missing', 'EMAIL_FROM is not set: the placeholder sender course@example.com cannot send.');
  else if (!from) error('EMAIL_FROM', 'email_from_invalid', `EMAIL_FROM "${emailFrom}" is not "Name <address@domain>" or an address.`);
  else if (RESERVED_DOMAIN.test(from.domain)) error('EMAIL_FROM', 'email_from_placeholder', `EMAIL_FROM uses ${from.domain}, a reserved example domain; use your verified sending domain.`);

  const replyTo = value('EMAIL_REPLY_TO');
  if (!replyTo) warn('EMAIL_REPLY_TO', 'email_reply_to_missing', 'EMAIL_REPLY_TO is not set: replies are matched by sender only, and only when their authentication passed.');
  else {
    const reply = parseMailbox(replyTo);
    if (!reply) error('EMAIL_REPLY_TO', 'email_reply_to_invalid', `EMAIL_REPLY_TO "${replyTo}" is not an address.`);
    else if (reply.address.split('@')[0]!.includes('+')) error('EMAIL_REPLY_TO', 'email_reply_to_plus', 'EMAIL_REPLY_TO must not contain "+": the worker adds "+token" to it.');
    else if (RESERVED_DOMAIN.test(reply.domain)) error('EMAIL_REPLY_TO', 'email_reply_to_placeholder', `EMAIL_REPLY_TO uses ${reply.domain}, a reserved example domain.`);
    else if (from && reply.domain !== from.domain && !reply.domain.endsWith(`.${from.domain}`)) {
      error('EMAIL_FROM', 'email_from_domain_mismatch', `EMAIL_FROM's domain (${from.domain}) is not the reply domain ${reply.domain} or its parent; replies would look unrelated to the sender and fail alignment.`);
    }
  }

  const postal = value('POSTAL_ADDRESS');
  if (!postal || postal === PLACEHOLDERS.postalAddress || /example street/i.test(postal)) {
    error('POSTAL_ADDRESS', 'postal_address_placeholder', 'POSTAL_ADDRESS is the placeholder: CAN-SPAM requires your real postal address in every email.');
  }

  const twilioSid = value('TWILIO_ACCOUNT_SID');
  const twilioToken = value('TWILIO_AUTH_TOKEN');
  const twilioFrom = value('TWILIO_FROM');
  const serviceSid = value('TWILIO_MESSAGING_SERVICE_SID');
  if (!twilioSid && !twilioToken) warn('TWILIO_ACCOUNT_SID', 'twilio_missing', 'Twilio is not set up: SMS signups would get nothing (texts go to the local outbox).');
  else {
    if (!twilioSid) error('TWILIO_ACCOUNT_SID', 'twilio_sid_missing', 'TWILIO_AUTH_TOKEN is set but TWILIO_ACCOUNT_SID is not.');
    else if (!TWILIO_ACCOUNT_SID.test(twilioSid)) error('TWILIO_ACCOUNT_SID', 'twilio_sid_form', 'TWILIO_ACCOUNT_SID must be "AC" followed by 32 hex digits.');
    if (!twilioToken) error('TWILIO_AUTH_TOKEN', 'twilio_token_missing', 'TWILIO_ACCOUNT_SID is set but TWILIO_AUTH_TOKEN is not: nothing can be sent or verified.');
    if (!twilioFrom && !serviceSid) error('TWILIO_FROM', 'twilio_sender_missing', 'Set TWILIO_FROM (a number in E.164) or TWILIO_MESSAGING_SERVICE_SID.');
  }
  if (twilioFrom && !E164.test(twilioFrom)) error('TWILIO_FROM', 'twilio_from_not_e164', `TWILIO_FROM "${twilioFrom}" is not in E.164 form, like +14155550123.`);
  if (serviceSid && !TWILIO_SERVICE_SID.test(serviceSid)) error('TWILIO_MESSAGING_SERVICE_SID', 'twilio_service_form', 'TWILIO_MESSAGING_SERVICE_SID must be "MG" followed by 32 hex digits.');

  for (const name of ['RESEND_BASE_URL', 'TWILIO_BASE_URL']) {
    const base = value(name);
    if (base && !base.startsWith('https://')) error(name, 'base_url_not_https', `${name} must be an https URL (or left unset).`);
  }
  const hour = value('DEFAULT_SEND_HOUR');
  if (hour !== undefined && !(/^\d{1,2}$/.test(hour) && Number(hour) <= 23)) error('DEFAULT_SEND_HOUR', 'send_hour_invalid', 'DEFAULT_SEND_HOUR must be a whole hour from 0 to 23.');
  const countries = value('SMS_ALLOWED_COUNTRIES');
  if (countries !== undefined && !countries.split(',').every((code) => /^[A-Za-z]{2}$/.test(code.trim()))) {
    error('SMS_ALLOWED_COUNTRIES', 'countries_invalid', 'SMS_ALLOWED_COUNTRIES must be ISO 3166 alpha-2 codes separated by commas.');
  }
  for (const name of ['SIGNUP_RATE_LIMIT', 'RESEND_RATE_LIMIT', 'TWILIO_RATE_LIMIT']) {
    const count = value(name);
    if (count !== undefined && !/^\d+(\.\d+)?$/.test(count)) error(name, 'number_invalid', `${name} must be a number.`);
  }
  const showReflections = value('ADMIN_SHOWS_REFLECTIONS');
  if (showReflections !== undefined && !['true', 'false'].includes(showReflections)) error('ADMIN_SHOWS_REFLECTIONS', 'boolean_invalid', 'ADMIN_SHOWS_REFLECTIONS must be "true" or "false".');
  else if (showReflections === 'true') warn('ADMIN_SHOWS_REFLECTIONS', 'reflections_shown', 'ADMIN_SHOWS_REFLECTIONS=true: the admin page shows what subscribers wrote; make sure the privacy text says so.');

  const { databaseId, queueProducer, queueConsumer, crons } = config.wrangler;
  if (!databaseId || databaseId === PLACEHOLDERS.databaseId) error('database_id', 'database_id_placeholder', 'wrangler.toml has the placeholder database_id: run "npx wrangler d1 create rebuild-trust" and put the id it prints there.');
  else if (!UUID.test(databaseId)) error('database_id', 'database_id_invalid', 'wrangler.toml database_id is not a UUID as "wrangler d1 create" prints it.');
  if (!queueProducer || !queueConsumer || queueProducer !== queueConsumer) error('queues', 'queue_missing', 'wrangler.toml needs the delivery queue as both producer (binding DELIVERY_QUEUE) and consumer.');
  if (!crons?.includes(CRON)) error('triggers.crons', 'cron_missing', `wrangler.toml must keep the cron trigger "${CRON}".`);
  return problems;
}

/** Reads KEY=VALUE lines (a .dev.vars or .env file): comments and blank lines skipped, one level of quotes removed. */
export function parseDotenv(text: string): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line);
    if (!match) continue;
    const raw = match[2]!;
    const quoted = /^(['"])(.*)\1$/.exec(raw);
    vars[match[1]!] = quoted ? quoted[2]! : raw.replace(/\s+#.*$/, '');
  }
  return vars;
}
