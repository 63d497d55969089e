// Proves our X-Twilio-Signature check gives Twilio's published values and refuses anything altered.
import { describe, expect, it } from 'vitest';
import vectors from '../fixtures/specs/signature-test-vectors.json';
import {
  computeTwilioSignature,
  constantTimeEqual,
  decodeTwilioForm,
  twilioSigningPayload,
  urlPortVariants,
  verifyTwilioSignature,
} from '../../src/security/twilio-signature';

const form = vectors.twilio_form;
const inbound = vectors.twilio_inbound_sms_example;
const bodyHashed = vectors.twilio_json_bodySHA256;

describe('computeTwilioSignature', () => {
  it("gives twilio-node's published signature for a form request with a query string", async () => {
    expect(await computeTwilioSignature(form.auth_token, form.url, form.params)).toBe(form['expected_X-Twilio-Signature']);
  });

  it('gives the stored signature for an inbound SMS webhook', async () => {
    expect(await computeTwilioSignature(inbound.auth_token, inbound.url, inbound.params)).toBe(inbound['expected_X-Twilio-Signature']);
  });

  it('signs the URL then each name and value in code-unit order, each distinct value of a repeated name sorted', () => {
    expect(twilioSigningPayload('https://a.example/x', { b: '2', a: '1', B: '3' })).toBe('https://a.example/xB3a1b2');
    expect(twilioSigningPayload('u', { m: ['z', 'a', 'z'] })).toBe('umamz');
  });
});

describe('verifyTwilioSignature', () => {
  const request = { authToken: inbound.auth_token, url: inbound.url, params: inbound.params };

  it('accepts the genuine signature', async () => {
    expect(await verifyTwilioSignature({ ...request, signature: inbound['expected_X-Twilio-Signature'] })).toBe(true);
  });

  it.each([
    ['a changed body', { params: { ...inbound.params, Body: 'Day 3 done?' } }],
    ['an added parameter', { params: { ...inbound.params, Extra: '1' } }],
    ['another URL', { url: 'http://127.0.0.1:8787/webhooks/twilio/status' }],
    ['another host', { url: 'https://evil.example/webhooks/twilio/sms' }],
    ['another auth token', { authToken: 'test_auth_token_0123456789abcdeX' }],
  ])('refuses %s', async (_, change) => {
    expect(await verifyTwilioSignature({ ...request, ...change, signature: inbound['expected_X-Twilio-Signature'] })).toBe(false);
  });

  it('refuses a missing, empty, truncated or re-cased signature, and an empty auth token', async () => {
    const genuine = inbound['expected_X-Twilio-Signature'];
    for (const signature of [null, '', genuine.slice(0, -1), genuine.toLowerCase(), `${genuine}=`]) {
      expect(await verifyTwilioSignature({ ...request, signature })).toBe(false);
    }
    expect(await verifyTwilioSignature({ ...request, authToken: '', signature: genuine })).toBe(false);
  });

  it('accepts a URL signed with its default port when we know it without one, and the reverse', async () => {
    const params = { From: '+14155550123', Body: 'hello' };
    const withPort = await computeTwilioSignature('token', 'https://rebuild.example:443/webhooks/twilio/sms', params);
    expect(await verifyTwilioSignature({ authToken: 'token', url: 'https://rebuild.example/webhooks/twilio/sms', params, signature: withPort })).toBe(true);
    const withoutPort = await computeTwilioSignature('token', 'https://rebuild.example/webhooks/twilio/sms', params);
    expect(await verifyTwilioSignature({ authToken: 'token', url: 'https://rebuild.example:443/webhooks/twilio/sms', params, signature: withoutPort })).toBe(true);
    const otherPort = await computeTwilioSignature('token', 'https://rebuild.example:8443/webhooks/twilio/sms', params);
    expect(await verifyTwilioSignature({ authToken: 'token', url: 'https://rebuild.example/webhooks/twilio/sms', params, signature: otherPort })).toBe(false);
  });

  it('checks a bodySHA256 request against the URL alone and the hash of its body', async () => {
    const signed = { authToken: bodyHashed.auth_token, url: bodyHashed.url, params: {}, signature: bodyHashed['expected_X-Twilio-Signature'] };
    expect(await verifyTwilioSignature({ ...signed, rawBody: bodyHashed.body })).toBe(true);
    expect(await verifyTwilioSignature({ ...signed, rawBody: bodyHashed.body.replace('true', 'false') })).toBe(false);
  });
});

describe('urlPortVariants', () => {
  it('pairs a URL with its default-port or port-less twin, keeping path and query untouched', () => {
    expect(urlPortVariants('https://a.example/p?q=1')).toEqual(['https://a.example/p?q=1', 'https://a.example:443/p?q=1']);
    expect(urlPortVariants('http://localhost:8787/p')).toEqual(['http://localhost:8787/p', 'http://localhost/p']);
    expect(urlPortVariants('http://[::1]/p')).toEqual(['http://[::1]/p', 'http://[::1]:80/p']);
  });
});

describe('constantTimeEqual', () => {
  it('is true only for identical strings', () => {
    expect(constantTimeEqual('abc=', 'abc=')).toBe(true);
    expect(constantTimeEqual('abc=', 'abd=')).toBe(false);
    expect(constantTimeEqual('abc', 'abc=')).toBe(false);
    expect(constantTimeEqual('', '')).toBe(true);
  });
});

describe('decodeTwilioForm', () => {
  it('decodes a form body, keeping every value of a repeated name', () => {
    expect(decodeTwilioForm('Body=Day+3+done%21&From=%2B14155550123&M=a&M=b')).toEqual({ Body: 'Day 3 done!', From: '+14155550123', M: ['a', 'b'] });
  });
});
