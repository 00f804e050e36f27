// `deadlines`: what closes next (consultations, calls for evidence, tenders...), for the themes
// this channel follows (every theme when it follows everything or has no subscription), or for
// every theme with `deadlines all`. Each line carries the story's reference for `explain`.
import type { DigestDeadline } from '../domain.js';
import { parsed, failed, type ParsedRequest } from './build-request.js';
import { quoteInput } from './command-error.js';
import type { CommandDeps, CommandResult, Invocation } from './types.js';

/** Lines in one answer: enough for weeks ahead without scrolling. */
export const MAX_DEADLINES = 25;

/** `deadlines` / `deadlines all` (Slack words, Discord's `scope` option, the CLI's --all). */
export function buildDeadlines(word: string | null): ParsedRequest {
  const scope = (word ?? '').trim().toLowerCase();
  if (scope === '' || scope === 'channel')
    return parsed({ command: 'deadlines', scope: 'channel' });
  if (scope === 'all') return parsed({ command: 'deadlines', scope: 'all' });
  return failed(
    `deadlines does not understand ${quoteInput(word ?? '')}`,
    'Try `deadlines` (this channel’s themes) or `deadlines all`.',
  );
}

export function runDeadlines(
  request: { scope: 'channel' | 'all' },
  invocation: Invocation,
  deps: CommandDeps,
): CommandResult {
  const subscription =
    request.scope === 'channel'
      ? deps.subscriptions.get(invocation.platform, invocation.workspaceId, invocation.channelId)
      : null;
  const themes = subscription?.themes ?? 'all';
  const upcoming = deps.upcomingDeadlines?.(invocation.now) ?? [];
  const wanted = themes === 'all' ? null : new Set(themes);
  const deadlines: DigestDeadline[] = upcoming
    .filter((d) => wanted === null || d.themes.some((t) => wanted.has(t)))
    .slice(0, MAX_DEADLINES);
  return { kind: 'deadlines', deadlines, themes };
}
