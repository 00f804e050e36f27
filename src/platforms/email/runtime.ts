// The email side of the plug-in contract (platforms/plugin.ts): delivery only (no `start`, no
// chat connection): an SMTP adapter for the outbox, the rendered message for
// `digest --format email`, and the double opt-in request sent when an address subscribes.
import type { Env } from '../../config/env.js';
import type { PlatformRuntime } from '../plugin.js';
import { checkEmailAccess } from './check-access.js';
import { buildConfirmationEmail } from './confirmation-mail.js';
import { createEmailDeliveryAdapter, createSmtpTransport, sendEmail } from './delivery-adapter.js';
import { readEmailSettings } from './email-settings.js';
import { renderEmail } from './render-email.js';

export const emailRuntime: PlatformRuntime = {
  createDeliveryAdapter(env: Env, logger) {
    const settings = readEmailSettings(env);
    return createEmailDeliveryAdapter(createSmtpTransport(settings), settings, logger);
  },

  checkAccess: (env, addresses) => checkEmailAccess(env, addresses),

  renderPreview(digest) {
    // One message per recipient: an array of one payload, like the chat platforms' part lists.
    return `${JSON.stringify([renderEmail(digest)], null, 2)}\n`;
  },

  async requestOptIn(channel, env, logger) {
    const settings = readEmailSettings(env);
    const transport = createSmtpTransport(settings);
    try {
      const outcome = await sendEmail(
        transport,
        settings,
        buildConfirmationEmail(channel.channelId, settings),
      );
      if (outcome.status === 'sent') return { status: 'sent' };
      logger.warn({ platform: 'email', reason: outcome.reason }, 'email: confirmation not sent');
      return { status: 'failed', reason: outcome.reason };
    } finally {
      transport.close();
    }
  },
};
