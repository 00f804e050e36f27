// `search`: one page of archive results. Organisation names typed by the user are resolved to
// canonical ids here (an unknown name is an error, not an empty page); the page size and offset are
// clamped so a hand-built request cannot ask for the whole archive at once.
import { commandError, quoteInput } from './command-error.js';
import type { CommandDeps, CommandRequest, CommandResult } from './types.js';

type SearchRequest = Extract<CommandRequest, { command: 'search' }>;

const MAX_LIMIT = 50;
const MAX_OFFSET = 10_000;

export function runSearch(request: SearchRequest, deps: CommandDeps): CommandResult {
  const query = request.query;
  const organisations: string[] = [];
  for (const name of query.organisations) {
    const ids = deps.resolveOrganisation(name);
    if (ids.length === 0) {
      return commandError(
        `no NHS organisation known as ${quoteInput(name)}`,
        'Use its usual name (`org:"Dudley Group"`) or its ODS code (`org:RNA`).',
      );
    }
    for (const id of ids) if (!organisations.includes(id)) organisations.push(id);
  }
  const limit = clamp(query.limit, 1, MAX_LIMIT);
  const offset = clamp(query.offset, 0, MAX_OFFSET);
  const page = deps.search({ ...query, organisations, limit, offset });
  return { kind: 'search', page };
}

function clamp(value: number, min: number, max: number): number {
  if (!Number.isFinite(value)) return min;
  return Math.min(max, Math.max(min, Math.trunc(value)));
}
