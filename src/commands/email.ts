// `email add|remove|list`: a chat channel sends its catch-up to email addresses too. Asynchronous
// (the only command that is): adding sends the double opt-in confirmation mail before answering,
// so the answer can say whether it went. Rules:
// - add and remove follow the platform's subscribe permission (check-permission.ts);
// - an address belongs to the chat channel that added it: another channel (or workspace) can
//   neither change, remove nor list it, and an address subscribed from the CLI is not taken over;
// - a new address, or one still unconfirmed, is subscribed paused awaiting confirmation and gets
//   the confirmation mail (the CLI's path, pipeline/email-opt-in.ts); nothing else is sent until
//   the recipient confirms. A confirmed address is only updated (themes, cadence), no mail;
// - at most `dailyLimit` confirmation mails per chat channel in any 24 hours, so chat cannot be
//   used to send mail to strangers in bulk.
import { checkEmailPermission } from './check-permission.js';
import { commandError } from './command-error.js';
import type { EmailChatDeps, EmailRequest } from './email-types.js';
import { runSubscribe } from './subscribe.js';
import type { CommandDeps, CommandResult, Invocation } from './types.js';
import type { ChannelRef, Subscription } from '../domain.js';

const DAY_MS = 86_400_000;
/** The email platform's one workspace (platforms/email/plugin.ts fixedWorkspace). */
const EMAIL_WORKSPACE = 'email';

export async function runEmail(
  request: EmailRequest,
  invocation: Invocation,
  deps: CommandDeps,
): Promise<CommandResult> {
  const email = deps.email;
  if (!email) {
    return commandError(
      'this bot is not set up to send email',
      'Whoever runs it sets SMTP_URL, EMAIL_FROM and EMAIL_UNSUBSCRIBE_SECRET (see the README).',
    );
  }
  const chat: ChannelRef = {
    platform: invocation.platform,
    workspaceId: invocation.workspaceId,
    channelId: invocation.channelId,
  };
  if (request.action === 'list') {
    return { kind: 'email-list', recipients: email.list(chat), dailyLimit: email.dailyLimit };
  }
  const denied = checkEmailPermission(invocation, deps);
  if (denied) return denied;
  const existing = deps.subscriptions.get('email', EMAIL_WORKSPACE, request.address);
  const owner = existing ? email.ownerOf(request.address) : null;
  const ours = owner !== null && sameChannel(owner, chat);
  if (request.action === 'remove') {
    // The same answer whether the address is unknown or another channel's: nothing leaks.
    if (!existing || !ours)
      return { kind: 'email-removed', address: request.address, removed: false };
    const removed = deps.subscriptions.remove('email', EMAIL_WORKSPACE, request.address);
    return { kind: 'email-removed', address: request.address, removed };
  }
  if (existing && !ours) {
    return commandError(
      'that address already gets the catch-up, set up somewhere else',
      'Only the channel that added it (or whoever runs the bot) can change it.',
    );
  }
  return addAddress(request, invocation, deps, email, { chat, existing });
}

async function addAddress(
  request: Extract<EmailRequest, { action: 'add' }>,
  invocation: Invocation,
  deps: CommandDeps,
  email: EmailChatDeps,
  at: { chat: ChannelRef; existing: Subscription | null },
): Promise<CommandResult> {
  const needsMail = at.existing === null || at.existing.pausedReason === email.awaitingReason;
  const since = new Date(invocation.now.getTime() - DAY_MS);
  if (needsMail && email.countRequests(at.chat, since) >= email.dailyLimit) {
    return commandError(
      `this channel has asked for ${email.dailyLimit} confirmation mails in the last 24 hours, the most it may`,
      'Try again tomorrow; `email list` shows the addresses still waiting for confirmation.',
    );
  }
  const subscribed = runSubscribe(
    {
      command: 'subscribe',
      themes: request.themes,
      organisations: [],
      schedule: at.existing?.schedule ?? null,
      ...(request.cadence ? { cadence: request.cadence } : {}),
    },
    {
      platform: 'email',
      workspaceId: EMAIL_WORKSPACE,
      channelId: request.address,
      userId: invocation.userId,
      // The chat platform's permission was checked above; the email platform asks for admins.
      isAdmin: true,
      now: invocation.now,
    },
    deps,
  );
  if (subscribed.kind !== 'subscribed') return subscribed;
  const by = { ...at.chat, userId: invocation.userId };
  if (at.existing === null) email.recordOwner(request.address, by, invocation.now);
  const confirmation = needsMail
    ? await email.requestConfirmation(request.address, by, invocation.now)
    : ({ status: 'not-needed' } as const);
  const subscription =
    deps.subscriptions.get('email', EMAIL_WORKSPACE, request.address) ?? subscribed.subscription;
  return {
    kind: 'email-added',
    address: request.address,
    subscription,
    created: subscribed.created,
    confirmation,
  };
}

function sameChannel(a: ChannelRef, b: ChannelRef): boolean {
  return (
    a.platform === b.platform && a.workspaceId === b.workspaceId && a.channelId === b.channelId
  );
}
