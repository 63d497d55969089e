// The closed set of error codes, their HTTP statuses, and the one JSON shape every error takes (SPEC §3).
import type { ContentfulStatusCode } from 'hono/utils/http-status';

const STATUS_BY_CODE = {
  invalid_request: 400,
  invalid_json: 400,
  invalid_field: 422,
  consent_required: 422,
  country_not_allowed: 422,
  number_not_allowed: 422,
  send_hour_not_allowed: 422,
  invalid_token: 404,
  not_found: 404,
  unauthorized: 401,
  forbidden: 403,
  invalid_signature: 403,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  not_configured: 503,
  provider_unavailable: 503,
  misconfigured: 500,
  internal_error: 500,
} as const satisfies Record<string, ContentfulStatusCode>;

export type ErrorCode = keyof typeof STATUS_BY_CODE;

export interface ErrorBody {
  error: { code: ErrorCode; message: string; field: string | null };
}

/** An expected failure: carries its code, a sentence for the person, and the field at fault if any. */
export class AppError extends Error {
  readonly status: ContentfulStatusCode;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field: string | null = null,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.status = STATUS_BY_CODE[code];
  }

  toBody(): ErrorBody {
    return { error: { code: this.code, message: this.message, field: this.field } };
  }
}
