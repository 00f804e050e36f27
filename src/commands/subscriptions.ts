// `subscriptions`: every subscription in this workspace or server, for anyone to read, with what
// the answer needs to name organisations in full and the default schedule in words.
import type { Subscription } from '../domain.js';
import type { CommandDeps, CommandResult, Invocation, SubscriptionWords } from './types.js';

export function runSubscriptions(invocation: Invocation, deps: CommandDeps): CommandResult {
  const subscriptions = deps.subscriptions.list(invocation.platform, invocation.workspaceId);
  return { kind: 'subscriptions', subscriptions, ...collectSubscriptionWords(subscriptions, deps) };
}

/** Full organisation names and the default schedule, looked up once for the renderers. */
export function collectSubscriptionWords(
  subscriptions: readonly Subscription[],
  deps: CommandDeps,
): Required<SubscriptionWords> {
  const organisationNames: Record<string, string> = {};
  for (const id of new Set(subscriptions.flatMap((s) => s.organisations))) {
    const name = deps.organisationName?.(id);
    if (name) organisationNames[id] = name;
  }
  return { organisationNames, defaultSchedule: deps.defaultSchedule?.() ?? null };
}
