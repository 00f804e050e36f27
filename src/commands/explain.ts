// `explain`: a stored story re-tagged with the current rules, showing which words in which field
// fired for each theme, the near misses, and the organisations and sums found.
import { commandError, quoteInput } from './command-error.js';
import type { CommandDeps, CommandRequest, CommandResult } from './types.js';

type ExplainRequest = Extract<CommandRequest, { command: 'explain' }>;

export function runExplain(request: ExplainRequest, deps: CommandDeps): CommandResult {
  const target = request.target.trim();
  if (target === '') {
    return commandError('explain needs a story', 'Give its link or its id from search results.');
  }
  const found = deps.explain(target);
  if (found === null) {
    return commandError(
      `no story in the archive matches ${quoteInput(target, 80)}`,
      'Use the link or id shown in search results or a digest: `explain https://...`.',
    );
  }
  return { kind: 'explain', ...found, ...(request.scores ? { showScores: true } : {}) };
}
