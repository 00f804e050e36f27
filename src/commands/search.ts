// `search`: one page of archive results. Organisation names typed by the user are resolved to
// canonical ids here (an unknown name is an error, not an empty page); the page size and offset are
// clamped so a hand-built request cannot ask for the whole archive at once.
import type { CommandError } from './command-error.js';
import { splitSuccession } from './organisation-succession.js';
import { unknownOrganisation } from './unknown-organisation.js';
import type { CommandDeps, CommandRequest, CommandResult, Invocation } from './types.js';

type SearchRequest = Extract<CommandRequest, { command: 'search' }>;

/** What search needs of CommandDeps (the web archive passes no more than this). */
export type SearchDeps = Pick<
  CommandDeps,
  | 'search'
  | 'resolveOrganisation'
  | 'suggestOrganisations'
  | 'organisationName'
  | 'organisationSuccession'
>;

const MAX_LIMIT = 50;
const MAX_OFFSET = 10_000;

/** With an invocation, theme filters and hit themes follow its workspace's corrections. */
export function runSearch(
  request: SearchRequest,
  deps: SearchDeps,
  invocation?: Invocation,
): CommandResult {
  const query = request.query;
  const organisations = resolveSearchOrganisations(query.organisations, deps);
  if (!Array.isArray(organisations)) return organisations;
  const limit = clamp(query.limit, 1, MAX_LIMIT);
  const offset = clamp(query.offset, 0, MAX_OFFSET);
  const workspace = invocation && {
    platform: invocation.platform,
    workspaceId: invocation.workspaceId,
  };
  const page = deps.search({ ...query, organisations, limit, offset }, workspace);
  return { kind: 'search', page };
}

/**
 * Typed organisation names to canonical ids, or the error for the first one nothing matched.
 * The CLI's `briefing search` calls this too, so every surface gives the same answer.
 */
export function resolveSearchOrganisations(
  names: readonly string[],
  deps: Pick<
    CommandDeps,
    'resolveOrganisation' | 'suggestOrganisations' | 'organisationName' | 'organisationSuccession'
  >,
): string[] | CommandError {
  const organisations: string[] = [];
  for (const typed of names) {
    const { name, follow } = splitSuccession(typed);
    const ids = deps.resolveOrganisation(name);
    if (ids.length === 0) return unknownOrganisation(name, deps);
    const line = follow ? ids.flatMap((id) => deps.organisationSuccession?.(id) ?? [id]) : ids;
    for (const id of line) if (!organisations.includes(id)) organisations.push(id);
  }
  return organisations;
}

function clamp(value: number, min: number, max: number): number {
  if (!Number.isFinite(value)) return min;
  return Math.min(max, Math.max(min, Math.trunc(value)));
}
