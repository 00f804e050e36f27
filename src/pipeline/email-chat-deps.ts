// The chat `email` command's dependencies (commands/email-types.ts EmailChatDeps) over the store
// and the email platform's double opt-in (opt-in.ts: the same path `briefing subscribe
// --platform email` takes). Built only when email is configured (SMTP_URL); without it the
// command answers that email is not set up.
// The daily limit is a constant, EMAIL_CHAT_DAILY_LIMIT confirmation mails per chat channel in
// any 24 hours: enough for a team adding its members, too few to use the bot to mail strangers.
import type { EmailChatDeps } from '../commands/email-types.js';
import type { Env } from '../config/env.js';
import type { Logger } from '../logging.js';
import { findPlatform } from '../platforms/index.js';
import type { Db } from '../store/database.js';
import {
  countEmailRequests,
  getEmailOwner,
  listEmailsOwnedBy,
  recordEmailRequest,
  setEmailOwner,
} from '../store/email-chat.js';
import { loadOptInGate, requestOptIn } from './opt-in.js';

export const EMAIL_CHAT_DAILY_LIMIT = 5;

export interface EmailChatInit {
  db: Db;
  env: Env;
  logger: Logger;
  /** Tests: another limit than EMAIL_CHAT_DAILY_LIMIT. */
  dailyLimit?: number;
}

/** The deps, or undefined when email is not configured here. */
export async function buildEmailChatDeps(init: EmailChatInit): Promise<EmailChatDeps | undefined> {
  const plugin = findPlatform('email');
  if (!plugin?.isConfigured(init.env)) return undefined;
  const gate = await loadOptInGate('email');
  if (!gate) throw new Error('pipeline: the email platform has no opt-in gate');
  const { db, env, logger } = init;
  return {
    awaitingReason: gate.pausedReason,
    dailyLimit: init.dailyLimit ?? EMAIL_CHAT_DAILY_LIMIT,
    ownerOf: (address) => getEmailOwner(db, address),
    recordOwner: (address, owner, now) => setEmailOwner(db, address, owner, now),
    countRequests: (channel, since) => countEmailRequests(db, channel, since),
    list: (channel) =>
      listEmailsOwnedBy(db, channel).map(({ subscription, owner }) => ({
        subscription,
        addedBy: owner.userId,
        addedAt: owner.addedAt,
        awaitingConfirmation: subscription.pausedReason === gate.pausedReason,
      })),
    async requestConfirmation(address, requestedBy, now) {
      recordEmailRequest(db, requestedBy, address, now);
      const channel = { platform: 'email' as const, workspaceId: 'email', channelId: address };
      logger.info(
        {
          platform: requestedBy.platform,
          workspace: requestedBy.workspaceId,
          channel: requestedBy.channelId,
          user: requestedBy.userId,
        },
        'email: confirmation requested from chat',
      );
      // requestOptIn pauses the address before its first await, so nothing is sent meanwhile.
      return requestOptIn(gate, db, channel, env, logger);
    },
  };
}
