// Provider answers become typed outcomes in the adapters: one table of Twilio codes, Resend's statuses and headers.
import { describe, expect, it } from 'vitest';
import { classifyResendError, paceHintOf } from '../../src/channels/resend';
import { classifyTwilioAnswer } from '../../src/channels/twilio';
import { twilioCodesMeaning, twilioErrorMeaning } from '../../src/channels/twilio-errors';

describe('the Twilio error table', () => {
  it('suppresses the numbers that can never receive, at send time and in status callbacks alike', () => {
    expect(twilioCodesMeaning('suppress').sort()).toEqual([21211, 21408, 21610, 21612, 21614, 30003, 30005, 30006]);
    expect(twilioErrorMeaning(30007)).toBe('other'); // carrier filtering: the operator's to look at, not the number's
    expect(twilioErrorMeaning(null)).toBe('other');
  });

  it.each([
    [400, 21610, null, { outcome: 'refused', error: 'twilio 400 21610' }],
    [400, 21211, null, { outcome: 'refused', error: 'twilio 400 21211' }],
    [429, 20429, '3', { outcome: 'rate_limited', error: 'twilio 429 20429', retryAfterMs: 3000 }],
    [429, undefined, null, { outcome: 'rate_limited', error: 'twilio 429', retryAfterMs: 1000 }],
    [503, 20500, '10', { outcome: 'server', error: 'twilio 503 20500', retryAfterMs: 10_000 }],
    [500, undefined, null, { outcome: 'server', error: 'twilio 500' }],
    [401, 20003, null, { outcome: 'rejected', error: 'twilio 401 20003' }],
  ] as const)('maps HTTP %i with code %s to its outcome', (status, code, retryAfter, expected) => {
    expect(classifyTwilioAnswer(status, code, retryAfter)).toEqual(expected);
  });
});

describe('Resend answers', () => {
  it.each([
    [null, 'application_error', null, { outcome: 'unanswered', error: 'resend no answer application_error' }],
    [409, 'invalid_idempotent_request', null, { outcome: 'duplicate', providerId: null }],
    [429, 'rate_limit_exceeded', '1', { outcome: 'rate_limited', error: 'resend 429 rate_limit_exceeded', retryAfterMs: 1000 }],
    [429, 'daily_quota_exceeded', null, { outcome: 'rejected', error: 'resend 429 daily_quota_exceeded' }],
    [500, 'internal_server_error', null, { outcome: 'server', error: 'resend 500 internal_server_error' }],
    [422, 'validation_error', null, { outcome: 'rejected', error: 'resend 422 validation_error' }],
  ] as const)('maps status %s %s to its outcome', (status, name, retryAfter, expected) => {
    expect(classifyResendError(status, name, retryAfter)).toEqual(expected);
  });

  it('reads the rate-limit headers as a pace hint', () => {
    expect(paceHintOf({ 'ratelimit-limit': '2', 'ratelimit-remaining': '0', 'ratelimit-reset': '1' })).toEqual({ limit: 2, remaining: 0, resetMs: 1000 });
    expect(paceHintOf({ 'content-type': 'application/json' })).toBeUndefined();
    expect(paceHintOf(null)).toBeUndefined();
  });
});
