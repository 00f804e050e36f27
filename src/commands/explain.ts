// `explain`: a stored story re-tagged with the current rules, showing which words in which field
// fired for each theme, the near misses, the organisations and sums found, and the asking
// workspace's corrections ("corrected by U123 on 3 Dec 2026: +procurement").
import { commandError, quoteInput, type CommandError } from './command-error.js';
import type { CommandDeps, CommandRequest, CommandResult, Invocation } from './types.js';

type ExplainRequest = Extract<CommandRequest, { command: 'explain' }>;

/** With an invocation, the answer also shows its workspace's corrections of the story. */
export function runExplain(
  request: ExplainRequest,
  deps: Pick<CommandDeps, 'explain'>,
  invocation?: Invocation,
): CommandResult {
  const target = request.target.trim();
  if (target === '') {
    return commandError('explain needs a story', 'Give its link or its id from search results.');
  }
  const found = deps.explain(
    target,
    invocation && { platform: invocation.platform, workspaceId: invocation.workspaceId },
  );
  if (found === null) {
    return storyNotFound(target);
  }
  return { kind: 'explain', ...found, ...(request.scores ? { showScores: true } : {}) };
}

/** The answer when no stored story has this id or link; `briefing explain` prints it too. */
export function storyNotFound(target: string): CommandError {
  return commandError(
    `no story in the archive matches ${quoteInput(target, 80)}`,
    'Use the link or id shown in search results or a digest: `explain https://...`.',
  );
}
