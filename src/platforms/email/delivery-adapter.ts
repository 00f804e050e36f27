// DeliveryAdapter for email: one message per recipient and week (render returns one part),
// sent over SMTP with nodemailer, multipart/alternative (text then HTML).
// Exactly once, and what SMTP cannot do: SMTP has no way to ask a server whether it already
// accepted a message, so findSent cannot look. The outbox claims the part ('sending', committed)
// before we connect. If the process dies while a part is 'sending', it cannot tell whether the
// server got as far as accepting DATA, so on restart (context.interrupted) the part is recorded
// as sent under its Message-ID and not mailed again: at most once for an interrupted attempt.
// The cost is honest: a crash before the server accepted the message loses that address's mail
// for that week (logged as a warning). A send that failed with a reply (4xx, network error
// before DATA ended) was recorded as a retry and is sent again, with the same Message-ID.
// https://www.rfc-editor.org/rfc/rfc5321#section-6.1 (the duplicate/lost trade-off).
import nodemailer, { type Transporter } from 'nodemailer';
import type { DeliveryAdapter, OutboundPart, SendOutcome } from '../../delivery/adapter.js';
import type { Digest } from '../../domain.js';
import type { Logger } from '../../logging.js';
import { classifySmtpError } from './classify-smtp-error.js';
import { buildDigestEmail, messageIdFor, type OutgoingEmail } from './email-message.js';
import { readEmailPayload } from './email-payload.js';
import type { EmailSettings } from './email-settings.js';
import { renderEmail } from './render-email.js';

export function createSmtpTransport(settings: EmailSettings): Transporter {
  return nodemailer.createTransport({
    url: settings.smtpUrl,
    // Our payloads are strings; never let content pull in local files or remote URLs.
    disableFileAccess: true,
    disableUrlAccess: true,
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 120_000,
  });
}

/** Sends one prepared message; the result as a SendOutcome (errors classified, never thrown). */
export async function sendEmail(
  transport: Transporter,
  settings: EmailSettings,
  mail: OutgoingEmail,
): Promise<SendOutcome> {
  try {
    await transport.sendMail({
      from: settings.from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      messageId: mail.messageId,
      headers: mail.headers,
    });
    return { status: 'sent', messageId: mail.messageId };
  } catch (error) {
    return classifySmtpError(error);
  }
}

export function createEmailDeliveryAdapter(
  transport: Transporter,
  settings: EmailSettings,
  logger?: Logger,
): DeliveryAdapter {
  return {
    platform: 'email',
    render(view: Digest): OutboundPart[] {
      const payload = renderEmail(view);
      return [{ index: 0, total: 1, payload, text: `${payload.subject} (email)` }];
    },
    async send(channel, part, context): Promise<SendOutcome> {
      const payload = readEmailPayload(part.payload);
      if (!payload)
        return { status: 'permanent', reason: 'email: the stored part is not an email' };
      return sendEmail(
        transport,
        settings,
        buildDigestEmail(channel.channelId, payload, context.key, settings),
      );
    },
    async findSent(channel, context): Promise<string | null> {
      if (context.interrupted !== true) return null;
      const id = messageIdFor(context.week ?? 'week', context.key, settings.domain);
      logger?.warn(
        { platform: 'email', channel: channel.channelId, key: context.key },
        'email: a send was interrupted; not sending again (SMTP cannot tell whether it arrived)',
      );
      return id;
    },
  };
}
