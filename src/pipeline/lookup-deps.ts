// The light parts of the command deps (command-deps.ts), in their own module so a CLI command
// that needs only them (`briefing search`, `briefing deadlines`) does not load the digest,
// tagging and delivery code the full deps pull in (issue 17: that module graph alone cost about
// as much as node's own start). Same functions the chat commands get: command-deps.ts uses these.
import { createSuccessionLine } from '../commands/organisation-succession.js';
import { createOrganisationResolver } from '../commands/resolve-organisation.js';
import { createOrganisationSuggester } from '../commands/suggest-organisations.js';
import type { CommandDeps } from '../commands/types.js';
import type { AppConfig } from '../config/load.js';
import type { DigestDeadline } from '../domain.js';
import type { Db } from '../store/database.js';
import { listDeadlinesBetween } from '../store/deadlines.js';
import { findOrganisationIds } from '../store/tags.js';

const HALF_YEAR_MS = 183 * 86_400_000;

/** The next half year of closing dates: what `deadlines` lists (it keeps the channel's themes). */
export function listUpcomingDeadlines(db: Db, now: Date): DigestDeadline[] {
  const until = new Date(now.getTime() + HALF_YEAR_MS).toISOString();
  return listDeadlinesBetween(db, now.toISOString(), until).map(
    ({ storyId: _id, timeZone: _zone, ...deadline }) => deadline,
  );
}

/**
 * Organisation names to ids (gazetteer, then the archive's spellings), display names, and the
 * did-you-mean, built on the first unknown name only: most runs never need it.
 */
export function organisationLookups(
  db: Db,
  config: AppConfig,
): Pick<
  CommandDeps,
  'resolveOrganisation' | 'organisationName' | 'suggestOrganisations' | 'organisationSuccession'
> {
  // Each index over the gazetteer is built on first use: a command that never names an
  // organisation does not pay for thousands of names (issue 17, cold start).
  let resolver: ReturnType<typeof createOrganisationResolver> | undefined;
  const organisations = () =>
    (resolver ??= createOrganisationResolver(config.organisations, (text) =>
      findOrganisationIds(db, text),
    ));
  let suggester: ((text: string) => string[]) | undefined;
  let succession: ((id: string) => string[]) | undefined;
  return {
    organisationSuccession: (id) => (succession ??= createSuccessionLine(config.organisations))(id),
    resolveOrganisation: (text) => organisations().resolve(text),
    organisationName: (id) => organisations().nameOf(id),
    suggestOrganisations: (text) =>
      (suggester ??= createOrganisationSuggester(config.organisations))(text),
  };
}

/** What search needs to read a query: theme and source names and the organisation lookups. */
export function searchLookups(
  db: Db,
  config: AppConfig,
): Pick<CommandDeps, 'themes' | 'sourceIds' | 'defaultSchedule'> &
  ReturnType<typeof organisationLookups> {
  const themes = config.themes.themes.map((t) => ({
    id: t.id,
    label: t.label,
    description: t.description,
  }));
  const sourceIds = config.sources.map((s) => s.id);
  return {
    themes: () => themes,
    sourceIds: () => sourceIds,
    defaultSchedule: () => ({ day: config.settings.digest.day, time: config.settings.digest.time }),
    ...organisationLookups(db, config),
  };
}
