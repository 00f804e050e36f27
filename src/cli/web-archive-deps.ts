// Composition of the web archive's deps (web/web-deps.ts ArchiveDeps) from the open database,
// the configuration and the digests folder: the chat commands' own deps for search and explain
// (built on the first archive request, so a bot whose pages nobody opens never compiles the
// themes and gazetteer a second time), the archived weeks, source health and corrections.
import type { CommandDeps } from '../commands/types.js';
import type { AppConfig } from '../config/load.js';
import type { Env } from '../config/env.js';
import type { Logger } from '../logging.js';
import { createArchivedWeekReader, listArchivedWeeks } from '../pipeline/archived-weeks.js';
import { buildCommandDeps } from '../pipeline/command-deps.js';
import { listAllCorrections } from '../store/corrections.js';
import type { Db } from '../store/database.js';
import { listSourceHealth } from '../store/source-state.js';
import type { ArchiveCommandDeps, ArchiveDeps } from '../web/web-deps.js';

export function buildArchiveDeps(init: {
  env: Env;
  config: AppConfig;
  db: Db;
  logger: Logger;
  now: () => Date;
}): ArchiveDeps {
  const { env, config, db } = init;
  let built: CommandDeps | null = null;
  const deps = () =>
    (built ??= buildCommandDeps({ db, config, logger: init.logger, now: init.now }));
  const commands: ArchiveCommandDeps = {
    themes: () => deps().themes(),
    sourceIds: () => deps().sourceIds(),
    search: (query, workspace) => deps().search(query, workspace),
    explain: (target, workspace) => deps().explain(target, workspace),
    resolveOrganisation: (text) => deps().resolveOrganisation(text),
    suggestOrganisations: (text) => deps().suggestOrganisations?.(text) ?? [],
    organisationName: (id) => deps().organisationName?.(id) ?? null,
    organisationSuccession: (id) => deps().organisationSuccession?.(id) ?? [id],
  };
  const sourceNames = new Map(config.sources.map((s) => [s.id, s.name]));
  return {
    timeZone: config.settings.timeZone,
    commands,
    listWeeks: () => listArchivedWeeks(env.DIGESTS_DIR),
    readWeek: createArchivedWeekReader(env.DIGESTS_DIR),
    sourceNames: () => sourceNames,
    sourceHealth: () => listSourceHealth(db, config.sources),
    // Corrections are few (one row per reader's change), so every workspace's are read and
    // filtered here rather than adding a query.
    storyCorrections: (storyId) =>
      listAllCorrections(db, null).filter((c) => c.storyId === storyId),
    publicUrl: env.WEB_PUBLIC_URL ?? null,
  };
}
