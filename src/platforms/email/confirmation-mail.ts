// The double opt-in request: one plain mail to a newly subscribed address with a signed confirm
// token (email-tokens.ts). Until the token comes back (`briefing email confirm <token>`, or the
// web route when EMAIL_PUBLIC_URL is set) the subscription stays paused with AWAITING_CONFIRMATION
// (opt-in-reason.ts) and the address gets nothing else: the digest job skips paused channels and the outbox holds
// their parts. Its Message-ID is fixed per address, so asking twice is the same message.
import { createHash } from 'node:crypto';
import { wrapHtml, type OutgoingEmail } from './email-message.js';
import type { EmailSettings } from './email-settings.js';
import { signToken } from './email-tokens.js';
import { escapeHtml } from '../../text/escape-html.js';

export function buildConfirmationEmail(address: string, settings: EmailSettings): OutgoingEmail {
  const token = signToken('confirm', address, settings.secret);
  const url = settings.publicUrl ? `${settings.publicUrl}/email/confirm/${token}` : null;
  const how = url
    ? `To start receiving it, open this link and press Confirm: ${url}`
    : `To start receiving it, reply to this mail keeping this line: confirm ${token}`;
  const subject = 'Confirm your weekly NHS policy catch-up';
  const intro = `Someone asked for the weekly NHS policy catch-up to be sent to ${address}.`;
  const ignore = 'If that was not you or your team, ignore this mail: nothing more will be sent.';
  const hash = createHash('sha256').update(address).digest('hex').slice(0, 24);
  const link = url
    ? `<a href="${escapeHtml(url)}" style="color:#005eb8;">${escapeHtml(url)}</a>`
    : `confirm ${escapeHtml(token)}`;
  return {
    to: address,
    subject,
    text: `${intro}\n\n${how}\n\n${ignore}\n`,
    html: wrapHtml(
      subject,
      `<p>${escapeHtml(intro)}</p><p>To start receiving it: ${link}</p>`,
      escapeHtml(ignore),
    ),
    messageId: `<confirm.${hash}@${settings.domain}>`,
    headers: {},
  };
}
