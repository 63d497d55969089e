// POST /webhooks/twilio/sms (inbound texts, answered with TwiML) and POST /webhooks/twilio/status (delivery status).
import { Hono } from 'hono';
import type { AppEnv } from '../../app-env';
import { AppError } from '../../errors';
import { recordSmsStatus } from '../sms/delivery-status';
import { answerInboundSms } from '../sms/inbound-sms';
import { TWIML_CONTENT_TYPE, twimlResponse } from './twiml';
import { paramOf, readSignedTwilioForm } from './twilio-request';

function required(value: string | null, name: string): string {
  if (value === null) throw new AppError('invalid_request', `The webhook has no ${name}.`, name);
  return value;
}

export const twilioWebhookRoutes = new Hono<AppEnv>()
  .post('/webhooks/twilio/sms', async (c) => {
    const params = await readSignedTwilioForm(c);
    const answer = await answerInboundSms(c.var.services, {
      from: required(paramOf(params, 'From'), 'From'),
      body: paramOf(params, 'Body') ?? '',
      messageSid: required(paramOf(params, 'MessageSid') ?? paramOf(params, 'SmsMessageSid'), 'MessageSid'),
      optOutType: paramOf(params, 'OptOutType'),
      now: c.var.now,
    });
    c.var.services.log.info('sms_received', { outcome: answer.outcome, replied: answer.reply !== null });
    return c.body(twimlResponse(answer.reply), 200, { 'content-type': TWIML_CONTENT_TYPE });
  })
  .post('/webhooks/twilio/status', async (c) => {
    const params = await readSignedTwilioForm(c);
    const code = paramOf(params, 'ErrorCode');
    const messageSid = required(paramOf(params, 'MessageSid') ?? paramOf(params, 'SmsSid'), 'MessageSid');
    const deliveryKey = c.req.query('delivery');
    if (deliveryKey && (await c.var.services.dispatch.settleAccepted(deliveryKey, messageSid))) {
      c.var.services.log.info('sms_settled_by_callback');
    }
    const outcome = await recordSmsStatus(c.var.services, {
      messageSid,
      messageStatus: required(paramOf(params, 'MessageStatus') ?? paramOf(params, 'SmsStatus'), 'MessageStatus'),
      errorCode: code !== null && /^\d+$/.test(code) ? Number(code) : null,
      to: paramOf(params, 'To'),
      now: c.var.now,
    });
    if (outcome === 'suppressed') c.var.services.log.warn('sms_number_suppressed', { errorCode: code });
    return c.body(null, 204);
  });
