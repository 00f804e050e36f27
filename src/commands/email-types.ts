// Types of the chat `email` command (`email add|remove|list`): a channel admin subscribes an
// email address to the catch-up from chat. The address's subscription is an ordinary `email`
// subscription (workspace `email`, channel = the address) that starts paused until the recipient
// confirms (double opt-in); the chat channel that added it is recorded as its owner, so that
// channel, and only that one, can list and remove it.
import type { Cadence, ChannelRef, Subscription } from '../domain.js';

export type EmailAction = 'add' | 'remove' | 'list';

export type EmailRequest =
  | {
      command: 'email';
      action: 'add';
      /** Canonical (lower-case), already checked by text/email-address.ts. */
      address: string;
      themes: string[] | 'all';
      /** Absent: keep the address's cadence (weekly for a new one). */
      cadence?: Cadence;
    }
  | { command: 'email'; action: 'remove'; address: string }
  | { command: 'email'; action: 'list' };

/** How the confirmation request went: sent, failed (with why), or not needed (confirmed before). */
export type ConfirmationOutcome =
  { status: 'sent' } | { status: 'failed'; reason: string } | { status: 'not-needed' };

/** An address a chat channel added, with who added it and what it receives. */
export interface EmailRecipient {
  subscription: Subscription;
  addedBy: string;
  addedAt: string;
  /** Still waiting for the recipient to confirm. */
  awaitingConfirmation: boolean;
}

export type EmailResult =
  | {
      kind: 'email-added';
      address: string;
      subscription: Subscription;
      created: boolean;
      confirmation: ConfirmationOutcome;
    }
  | { kind: 'email-removed'; address: string; removed: boolean }
  | { kind: 'email-list'; recipients: EmailRecipient[]; dailyLimit: number };

/** Who added an address from chat: the chat channel and the user. */
export type EmailOwner = ChannelRef & { userId: string; addedAt: string };

/**
 * What the `email` command asks of the rest of the system (pipeline/email-chat-deps.ts builds it
 * over the store and the email platform's opt-in). Absent from CommandDeps: email is not set up.
 */
export interface EmailChatDeps {
  /** The pause reason of an address that has not confirmed yet. */
  awaitingReason: string;
  /** Confirmation requests a chat channel may make in 24 hours. */
  dailyLimit: number;
  /** The chat channel that added the address's subscription, or null (none, or from the CLI). */
  ownerOf(address: string): EmailOwner | null;
  /** Records `owner` as the chat channel that added the address's subscription. */
  recordOwner(address: string, owner: ChannelRef & { userId: string }, now: Date): void;
  /** Confirmation requests the chat channel made since `since`. */
  countRequests(channel: ChannelRef, since: Date): number;
  /** The addresses the chat channel added, by address. */
  list(channel: ChannelRef): EmailRecipient[];
  /**
   * Records a confirmation request by the chat channel, pauses the address awaiting confirmation
   * and sends the confirmation mail (the same path as `briefing subscribe --platform email`).
   */
  requestConfirmation(
    address: string,
    requestedBy: ChannelRef & { userId: string },
    now: Date,
  ): Promise<ConfirmationOutcome>;
}
