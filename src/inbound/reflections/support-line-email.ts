// The support-line email for one subscriber: signs their links, then builds the email from its prebuilt template.
import type { OutgoingEmail } from '../../channels/channel';
import type { Config } from '../../config';
import { DEFAULT_COURSE_ID, courseOf } from '../../course/course';
import { buildSupportLineEmail } from '../../messages/email';
import { buildLinks } from '../../messages/links';
import { signToken } from '../../security/tokens';

/**
 * The email that answers, once, a reflection speaking of danger, addressed to `subscriber.address`. Its subject,
 * headers and body come from our template and the configuration only: nothing of the inbound email is copied.
 */
export async function composeSupportLineEmail(config: Config, subscriber: { id: string; address: string; course_id?: string }): Promise<OutgoingEmail> {
  const [unsubscribe, journal, reply] = await Promise.all([
    signToken(config.tokenSecret, 'unsubscribe', subscriber.id),
    signToken(config.tokenSecret, 'journal', subscriber.id),
    signToken(config.tokenSecret, 'reply', subscriber.id),
  ]);
  const sender = {
    from: config.emailFrom,
    inboundAddress: config.emailReplyTo,
    postalAddress: config.postalAddress,
    supportLine: config.supportLine,
    publicUrl: config.publicUrl,
  };
  const recipient = { to: subscriber.address, links: buildLinks(config.publicUrl, { unsubscribe, journal }), replyToken: reply, unsubscribeToken: unsubscribe };
  return buildSupportLineEmail(sender, recipient, courseOf(subscriber.course_id ?? DEFAULT_COURSE_ID));
}
