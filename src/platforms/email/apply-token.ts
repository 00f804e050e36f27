// What an unsubscribe or confirm token does, shared by `briefing email unsubscribe|confirm` and
// the web routes: checks the signature, then removes or resumes the address's subscription
// through the functions it is given (platform code never opens the store).
import type { ChannelRef, Subscription } from '../../domain.js';
import { isAwaitingConfirmation } from './opt-in-reason.js';
import { verifyToken, type TokenAction } from './email-tokens.js';

export const EMAIL_WORKSPACE = 'email';

export interface TokenDeps {
  secret: string;
  get(channel: ChannelRef): Subscription | null;
  remove(channel: ChannelRef): boolean;
  resume(channel: ChannelRef): boolean;
}

export type TokenResult =
  | { ok: true; action: TokenAction; address: string; changed: boolean; message: string }
  | { ok: false; message: string };

export function emailChannel(address: string): ChannelRef {
  return { platform: 'email', workspaceId: EMAIL_WORKSPACE, channelId: address };
}

export function applyEmailToken(
  token: string,
  expected: TokenAction,
  deps: TokenDeps,
): TokenResult {
  const check = verifyToken(token, deps.secret);
  if (!check.ok) return { ok: false, message: check.reason };
  if (check.action !== expected) return { ok: false, message: `that is a ${check.action} token` };
  const channel = emailChannel(check.address);
  const base = { ok: true as const, action: check.action, address: check.address };
  if (check.action === 'unsubscribe') {
    const changed = deps.remove(channel);
    const message = changed
      ? `${check.address} is unsubscribed: no more catch-ups will be sent.`
      : `${check.address} was not subscribed.`;
    return { ...base, changed, message };
  }
  const subscription = deps.get(channel);
  if (subscription === null) {
    return { ...base, changed: false, message: `${check.address} is not subscribed any more.` };
  }
  if (!isAwaitingConfirmation(subscription.pausedReason)) {
    return { ...base, changed: false, message: `${check.address} was already confirmed.` };
  }
  deps.resume(channel);
  return {
    ...base,
    changed: true,
    message: `${check.address} is confirmed: catch-ups will follow.`,
  };
}
