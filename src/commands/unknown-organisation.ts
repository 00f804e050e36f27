// The one answer to an organisation nothing matched, for search filters and subscriptions on
// every surface (Slack, Discord and the CLI print this same message): what was typed, the
// closest organisations by spelling when there are any, and how to name one.
import { commandError, quoteInput, type CommandError } from './command-error.js';
import type { CommandDeps } from './types.js';

export const ORGANISATION_HINT =
  'Use its usual name (`org:"Dudley Group"`) or its ODS code (`org:RNA`).';

export function unknownOrganisation(
  name: string,
  deps: Pick<CommandDeps, 'suggestOrganisations' | 'organisationName'>,
): CommandError {
  const shown = (deps.suggestOrganisations?.(name) ?? []).map((id) => {
    const full = deps.organisationName?.(id);
    return full ? `'${full}' (${id})` : `'${id}'`;
  });
  const suggestion = shown.length === 0 ? '' : ` — did you mean ${joinOr(shown)}?`;
  return commandError(
    `no NHS organisation known as ${quoteInput(name)}${suggestion}`,
    ORGANISATION_HINT,
  );
}

function joinOr(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}
