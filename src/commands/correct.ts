// `correct` and `corrections`: a reader says a story's theme is wrong or missing, for their own
// workspace. Re-checks the request whoever built it (Slack, Discord, a button, the CLI), checks
// the permission (the subscribe setting), resolves the story (reference, id or link), records only
// the changes that change something, and answers with the story's themes as this workspace now
// sees them. The rules and other workspaces are untouched (store/corrections.ts).
import { checkCorrectPermission } from './check-permission.js';
import { commandError, unknownChoice } from './command-error.js';
import { storyNotFound } from './explain.js';
import type { CommandDeps, CommandRequest, CommandResult, Invocation } from './types.js';

type CorrectRequest = Extract<CommandRequest, { command: 'correct' }>;

/** How many corrections `corrections` lists. */
export const RECENT_CORRECTIONS = 20;

export function runCorrect(
  request: CorrectRequest,
  invocation: Invocation,
  deps: CommandDeps,
): CommandResult {
  const denied = checkCorrectPermission(invocation, deps);
  if (denied) return denied;
  const ids = deps.themes().map((t) => t.id);
  const unknown = [...request.add, ...request.remove].find((t) => !ids.includes(t));
  if (unknown !== undefined) {
    return commandError(unknownChoice('theme', unknown, ids), '`themes` shows what each covers.');
  }
  if (request.add.some((t) => request.remove.includes(t))) {
    return commandError('a theme cannot be both added and removed', 'Say one or the other.');
  }
  const workspace = { platform: invocation.platform, workspaceId: invocation.workspaceId };
  const found = deps.corrections.find(request.target.trim(), workspace);
  if (found === null) return storyNotFound(request.target);
  const added = request.add.filter((t) => !found.themes.includes(t));
  const removed = request.remove.filter((t) => found.themes.includes(t));
  const unchanged = [
    ...request.add.filter((t) => !added.includes(t)).map((t) => `+${t}`),
    ...request.remove.filter((t) => !removed.includes(t)).map((t) => `-${t}`),
  ];
  if (added.length + removed.length === 0) {
    return commandError(
      `nothing to change: ${unchanged.join(' ')} is already how this story is filed here`,
      `Its themes here: ${found.themes.join(', ') || 'none'}.`,
    );
  }
  deps.corrections.record(
    {
      ...workspace,
      storyId: found.story.id,
      added,
      removed,
      userId: invocation.userId,
      channelId: invocation.channelId,
      note: request.note,
    },
    invocation.now,
  );
  const themes = [...found.themes.filter((t) => !removed.includes(t)), ...added];
  return {
    kind: 'corrected',
    story: found.story,
    added,
    removed,
    unchanged,
    themes,
    note: request.note,
  };
}

export function runCorrections(invocation: Invocation, deps: CommandDeps): CommandResult {
  const workspace = { platform: invocation.platform, workspaceId: invocation.workspaceId };
  return {
    kind: 'corrections',
    corrections: deps.corrections.recent(workspace, RECENT_CORRECTIONS),
  };
}
