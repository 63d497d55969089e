// Proves our WebCrypto X-Twilio-Signature and TwiML give exactly what the official twilio package gives, on many inputs.
import { randomBytes } from 'node:crypto';
import twilio from 'twilio';
import { describe, expect, it } from 'vitest';
import vectors from '../fixtures/specs/signature-test-vectors.json';
import { computeTwilioSignature, decodeTwilioForm, verifyTwilioSignature, type TwilioParams } from '../../src/security/twilio-signature';
import { twimlResponse } from '../../src/inbound/webhooks/twiml';
import { composeHelpSms, composeResumeSms, composeSafetySms } from '../../src/messages/sms';

const URLS = [
  'http://localhost:8787/webhooks/twilio/sms',
  'https://rebuild.example/webhooks/twilio/status',
  'https://rebuild.example:443/webhooks/twilio/sms?source=twilio&x=%20y',
  'http://127.0.0.1:8787/webhooks/twilio/sms',
];

const ALPHABET = 'abcXYZ019 +-_.!?&=%#/:;@éü€\n"\'<>';

function randomText(length: number): string {
  return [...randomBytes(length)].map((byte) => ALPHABET[byte % ALPHABET.length]).join('');
}

/** A webhook's worth of parameters with awkward names and values: Unicode, symbols, empty values, mixed case. */
function randomParams(): Record<string, string> {
  const params: Record<string, string> = {
    MessageSid: `SM${randomBytes(16).toString('hex')}`,
    From: '+14155550123',
    Body: randomText(1 + (randomBytes(1)[0]! % 80)),
    NumMedia: '0',
    to: 'lower-case name sorts after upper',
    Empty: '',
  };
  for (let extra = randomBytes(1)[0]! % 5; extra > 0; extra--) params[`P${randomText(3)}`] = randomText(10);
  return params;
}

describe('computeTwilioSignature against the twilio package', () => {
  it('gives the same value as getExpectedTwilioSignature for 200 random webhooks', async () => {
    for (let run = 0; run < 200; run++) {
      const token = randomBytes(16).toString('hex');
      const url = URLS[run % URLS.length]!;
      const params = randomParams();
      expect(await computeTwilioSignature(token, url, params)).toBe(twilio.getExpectedTwilioSignature(token, url, params));
    }
  });

  it('gives the same value for repeated parameters', async () => {
    const params: TwilioParams = { MediaUrl: ['https://b.example/2', 'https://a.example/1', 'https://b.example/2'], Body: 'x' };
    const reference = twilio.getExpectedTwilioSignature('token', URLS[0]!, params as Record<string, string>);
    expect(await computeTwilioSignature('token', URLS[0]!, params)).toBe(reference);
  });

  it('agrees with the stored vectors, as the twilio package does', async () => {
    for (const vector of [vectors.twilio_form, vectors.twilio_inbound_sms_example]) {
      const expected = vector['expected_X-Twilio-Signature'];
      expect(twilio.getExpectedTwilioSignature(vector.auth_token, vector.url, vector.params)).toBe(expected);
      expect(await computeTwilioSignature(vector.auth_token, vector.url, vector.params)).toBe(expected);
    }
  });
});

describe('verifyTwilioSignature against validateRequest', () => {
  it('accepts and refuses exactly what validateRequest accepts and refuses', async () => {
    for (let run = 0; run < 100; run++) {
      const token = randomBytes(12).toString('hex');
      const signedUrl = URLS[run % URLS.length]!;
      const checkedUrl = run % 3 === 0 ? signedUrl.replace('https://rebuild.example:443/', 'https://rebuild.example/') : signedUrl;
      const params = randomParams();
      const genuine = twilio.getExpectedTwilioSignature(token, signedUrl, params);
      const tampered = { ...params, Body: `${params.Body}.` };
      for (const [signature, checkedParams] of [
        [genuine, params],
        [genuine, tampered],
        [genuine.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')), params],
      ] as const) {
        const ours = await verifyTwilioSignature({ authToken: token, url: checkedUrl, params: checkedParams, signature });
        expect(ours).toBe(twilio.validateRequest(token, signature, checkedUrl, checkedParams));
      }
    }
  });

  it('accepts a bodySHA256 webhook exactly when validateRequestWithBody does', async () => {
    const vector = vectors.twilio_json_bodySHA256;
    for (const body of [vector.body, `${vector.body} `]) {
      const ours = await verifyTwilioSignature({ authToken: vector.auth_token, url: vector.url, params: {}, signature: vector['expected_X-Twilio-Signature'], rawBody: body });
      expect(ours).toBe(twilio.validateRequestWithBody(vector.auth_token, vector['expected_X-Twilio-Signature'], vector.url, body));
    }
  });
});

describe('twimlResponse against MessagingResponse', () => {
  it('writes the same document as the twilio package for each of our replies and for no reply', () => {
    const replies = [
      composeHelpSms({ supportLine: 'the hotline, 1-800-799-7233', journalUrl: 'http://localhost:8787/journal/abc.def' }),
      composeSafetySms({ supportLine: 'the hotline, 1-800-799-7233 & <more>', journalUrl: 'http://localhost:8787/journal/abc.def' }),
      composeResumeSms({ nextDay: 6, nextStepWhen: 'tomorrow at 9:00', length: 30 }),
    ];
    for (const reply of replies) {
      const reference = new twilio.twiml.MessagingResponse();
      reference.message(reply);
      expect(twimlResponse(reply)).toBe(reference.toString());
    }
    expect(twimlResponse(null)).toBe(new twilio.twiml.MessagingResponse().toString());
  });
});

describe('decodeTwilioForm with names an object would inherit', () => {
  it('verifies, as the twilio package does, a webhook whose fields are named constructor, __proto__, toString and hasOwnProperty', async () => {
    const token = randomBytes(16).toString('hex');
    const url = 'https://rebuild.example/webhooks/twilio/sms';
    const fields: [string, string][] = [
      ['MessageSid', 'SM0123456789abcdef0123456789abcdef'],
      ['From', '+14155550123'],
      ['Body', 'YES'],
      ['constructor', 'c'],
      ['__proto__', 'p'],
      ['toString', 't'],
      ['hasOwnProperty', 'h'],
      ['valueOf', ''],
    ];
    const body = new URLSearchParams(fields).toString();
    const reference: Record<string, string> = Object.create(null);
    for (const [name, value] of fields) reference[name] = value;
    const signature = twilio.getExpectedTwilioSignature(token, url, reference);
    expect(twilio.validateRequest(token, signature, url, reference)).toBe(true);

    const params = decodeTwilioForm(body);
    expect(Object.keys(params).sort()).toEqual(fields.map(([name]) => name).sort());
    expect(params.constructor).toBe('c');
    expect(await computeTwilioSignature(token, url, params)).toBe(signature);
    expect(await verifyTwilioSignature({ authToken: token, url, params, signature })).toBe(true);
  });
});
