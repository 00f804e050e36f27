// The pause reason of an address that has not confirmed its subscription yet (double opt-in). A
// separate file so the registry descriptor (plugin.ts) can name it without loading the mailer.

/** Shown by `status` and `subscriptions` while the address has not confirmed. */
export const AWAITING_CONFIRMATION = 'awaiting confirmation of the email address (double opt-in)';

export function isAwaitingConfirmation(pausedReason: string | null): boolean {
  return pausedReason === AWAITING_CONFIRMATION;
}
