// Received emails for the Resend stand-in: registered by tests, read back through Resend's receiving endpoints.
import { randomUUID } from 'node:crypto';
import { resendError } from './stand-in-resend-rules';
import { isPlainObject, validateAgainstSchema, type FormatCheckers, type Schema } from './stand-in-schema';
import type { ControlAnswer, ApiAnswer } from './stand-in-server';
import type { LoadedSpec } from './stand-in-spec';

const DEFAULT_PAGE = 20;
const MAX_PAGE = 100;

/**
 * Inbound emails, newest first. Stored records carry every property of the spec's `GetReceivedEmailResponse`;
 * the list endpoint answers with the properties of `ListReceivedEmailsResponse.data.items`.
 */
export class ResendInbox {
  private readonly byId = new Map<string, Record<string, unknown>>();
  private newestFirst: Record<string, unknown>[] = [];
  private readonly emailSchema: Schema;
  private readonly listItemKeys: string[];

  constructor(
    private readonly spec: LoadedSpec,
    private readonly formats: FormatCheckers,
    private readonly now: () => number,
  ) {
    this.emailSchema = spec.resolve('#/components/schemas/GetReceivedEmailResponse');
    const list = spec.resolve('#/components/schemas/ListReceivedEmailsResponse');
    const items = (list.properties as Record<string, Schema>).data?.items as Schema;
    this.listItemKeys = Object.keys(items.properties as object);
  }

  /**
   * `POST /__control/inbound`: fills what the test left out (id, created_at, message_id, empty cc/bcc/reply_to,
   * null html/text, no headers or attachments), checks the result against the spec and stores it.
   * `from`, `to` and `subject` are required; `to` may be a single address.
   */
  register(input: unknown): ControlAnswer {
    if (!isPlainObject(input)) return { status: 400, body: { error: 'an inbound email must be a JSON object' } };
    for (const field of ['from', 'to', 'subject']) {
      if (input[field] === undefined) return { status: 400, body: { error: `inbound email needs \`${field}\`` } };
    }
    const id = typeof input.id === 'string' ? input.id : randomUUID();
    const email: Record<string, unknown> = {
      object: 'email',
      id,
      message_id: `<${id}@inbound.stand-in.test>`,
      created_at: new Date(this.now()).toISOString(),
      bcc: [],
      cc: [],
      reply_to: [],
      html: null,
      text: null,
      headers: {},
      attachments: [],
      ...input,
      to: typeof input.to === 'string' ? [input.to] : input.to,
    };
    const issues = validateAgainstSchema(email, this.emailSchema, this.spec.resolve, this.formats);
    if (issues.length > 0) return { status: 400, body: { error: `inbound email: \`${issues[0]?.path}\` ${issues[0]?.message}` } };
    if (this.byId.has(id)) return { status: 409, body: { error: `inbound email ${id} already exists` } };
    this.byId.set(id, email);
    this.newestFirst.unshift(email);
    return { status: 201, body: email };
  }

  /** `GET /emails/receiving/{email_id}`: the stored email, or Resend's 404. */
  get(id: string): ApiAnswer {
    const email = this.byId.get(id);
    if (!email) return resendError(404, 'not_found', 'Email not found');
    return { status: 200, accepted: true, body: email };
  }

  /** `GET /emails/receiving`: a page of `limit` (1-100, default 20) after or before a cursor id. */
  list(query: URLSearchParams): ApiAnswer {
    const limit = query.has('limit') ? Number(query.get('limit')) : DEFAULT_PAGE;
    if (!(limit >= 1 && limit <= MAX_PAGE)) return resendError(422, 'validation_error', `The \`limit\` must be between 1 and ${MAX_PAGE}.`);
    const after = query.get('after');
    const before = query.get('before');
    if (after && before) return resendError(422, 'validation_error', 'Use either `after` or `before`, not both.');
    let start = 0;
    let end = this.newestFirst.length;
    const cursor = after ?? before;
    if (cursor) {
      const index = this.newestFirst.findIndex((email) => email.id === cursor);
      if (index < 0) return resendError(422, 'validation_error', `Unknown cursor ${cursor}.`);
      if (after) start = index + 1;
      else end = index;
    }
    const page = after || !before ? this.newestFirst.slice(start, start + limit) : this.newestFirst.slice(Math.max(start, end - limit), end);
    const hasMore = after || !before ? start + limit < end : end - limit > start;
    const data = page.map((email) => Object.fromEntries(this.listItemKeys.filter((key) => key in email).map((key) => [key, email[key]])));
    return { status: 200, accepted: true, body: { object: 'list', has_more: hasMore, data } };
  }

  clear(): void {
    this.byId.clear();
    this.newestFirst = [];
  }
}
