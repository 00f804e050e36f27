// Probe files that break the import rules (.config/import-rules.mjs and
// .config/dependency-cruiser.mjs): at least one per rule, each naming the rule that must report it.
import { type Probe, type, value } from './probe-shape.js';

/** Each breaks exactly the rule it names. */
export const BAD_PROBES: readonly Probe[] = [
  {
    file: 'src/platforms/discord/bad.ts',
    imports: [value('../slack/start.js')],
    rule: 'platform-folder-imports-lower-layers-only',
  },
  {
    file: 'src/platforms/teams/bad.ts',
    imports: [type('../discord/start.js')],
    rule: 'platform-folder-imports-lower-layers-only',
  },
  {
    file: 'src/platforms/slack/bad-store.ts',
    imports: [type('../../store/database.js')],
    rule: 'platform-folder-imports-lower-layers-only',
  },
  {
    file: 'src/platforms/bad-registry.ts',
    imports: [value('../store/database.js')],
    rule: 'platforms-registry-imports-platforms',
  },
  { file: 'src/domain.ts', imports: [type('./text/clean.js')], rule: 'domain-imports-nothing' },
  {
    file: 'src/domain/bad.ts',
    imports: [type('../text/clean.js')],
    rule: 'domain-imports-nothing',
  },
  {
    file: 'src/text/bad.ts',
    imports: [value('../digest/build.js')],
    rule: 'text-imports-domain-only',
  },
  {
    file: 'src/time/bad.ts',
    imports: [value('../config/settings.js')],
    rule: 'time-imports-domain-text',
  },
  {
    file: 'src/config/bad.ts',
    imports: [value('../store/database.js')],
    rule: 'config-imports-domain-text-time',
  },
  {
    file: 'src/tagging/bad-store.ts',
    imports: [value('../store/database.js')],
    rule: 'tagging-imports-pure-core-only',
  },
  {
    file: 'src/digest/bad-logger.ts',
    imports: [type('../logging.js')],
    rule: 'digest-imports-pure-core-only',
  },
  {
    file: 'src/commands/bad-delivery.ts',
    imports: [value('../delivery/adapter.js')],
    rule: 'commands-imports-pure-core-only',
  },
  {
    file: 'src/tagging/bad-config.ts',
    imports: [value('../config/settings.js')],
    rule: 'tagging-imports-config-types-only',
  },
  {
    file: 'src/digest/bad-config.ts',
    imports: [value('../config/settings.js')],
    rule: 'digest-imports-config-types-only',
  },
  {
    file: 'src/commands/bad-config.ts',
    imports: [value('../config/settings.js')],
    rule: 'commands-imports-config-types-only',
  },
  { file: 'src/commands/bad-fs.ts', imports: [value('node:fs')], rule: 'pure-code-does-no-io' },
  {
    file: 'src/digest/bad-worker.ts',
    imports: [value('node:worker_threads')],
    rule: 'pure-code-does-no-io',
  },
  {
    file: 'src/tagging/bad-undici.ts',
    imports: [value('undici')],
    rule: 'pure-code-uses-no-io-packages',
  },
  {
    file: 'src/digest/bad-sqlite.ts',
    imports: [type('better-sqlite3')],
    rule: 'pure-code-uses-no-io-packages',
  },
  { file: 'src/text/bad-pino.ts', imports: [value('pino')], rule: 'pure-code-uses-no-io-packages' },
  {
    file: 'src/ingest/bad-store.ts',
    imports: [type('../store/database.js')],
    rule: 'ingest-imports-no-store-or-later-stage',
  },
  {
    file: 'src/ingest/bad-config.ts',
    imports: [value('../config/settings.js')],
    rule: 'ingest-imports-config-types-only',
  },
  {
    file: 'src/store/bad-ingest.ts',
    imports: [value('../ingest/fetch.js')],
    rule: 'store-imports-domain-text-time',
  },
  {
    file: 'src/delivery/bad-platform.ts',
    imports: [value('../platforms/slack/start.js')],
    rule: 'delivery-imports-no-platform',
  },
  {
    file: 'src/delivery/bad-commands.ts',
    imports: [value('../commands/types.js')],
    rule: 'delivery-imports-command-types-only',
  },
  {
    file: 'src/pipeline/bad-platform.ts',
    imports: [value('../platforms/discord/start.js')],
    rule: 'pipeline-imports-no-platform-internals',
  },
  {
    file: 'src/jobs/bad-store.ts',
    imports: [value('../store/database.js')],
    rule: 'jobs-imports-pipeline-time',
  },
  {
    file: 'src/logging.ts',
    imports: [value('./store/database.js'), value('pino')],
    rule: 'shared-files-import-domain-only',
  },
  {
    file: 'src/cli/bad-build-data.ts',
    imports: [value('../build-data/gazetteer.js')],
    rule: 'build-data-is-build-time-only',
  },
  { file: 'src/utils/bad.ts', imports: [type('../domain.js')], rule: 'src-file-has-a-row' },
  {
    file: 'src/cli/bad-helpers.ts',
    imports: [value('../helpers/no-row.js')],
    rule: 'src-import-has-a-row',
  },
  { file: 'src/misc/bad-orphan.ts', imports: [], rule: 'src-orphan-has-a-row' },
  {
    file: 'src/pipeline/bad-sqlite.ts',
    imports: [value('better-sqlite3')],
    rule: 'sqlite-only-in-store',
  },
  { file: 'src/cli/bad-pino.ts', imports: [value('pino')], rule: 'pino-only-in-logging' },
  {
    file: 'src/platforms/slack/bad-discord.ts',
    imports: [value('discord.js')],
    rule: 'discord-sdk-only-in-its-platform',
  },
  {
    file: 'src/platforms/discord/bad-slack.ts',
    imports: [value('@slack/bolt')],
    rule: 'slack-sdk-only-in-its-platform',
  },
  {
    file: 'src/platforms/slack/bad-teams.ts',
    imports: [value('@microsoft/agents-hosting')],
    rule: 'teams-sdk-only-in-its-platform',
  },
  {
    file: 'src/delivery/bad-msal.ts',
    imports: [value('@azure/msal-node')],
    rule: 'teams-sdk-only-in-its-platform',
  },
  { file: 'src/pipeline/bad-cron.ts', imports: [value('node-cron')], rule: 'cron-only-in-jobs' },
  { file: 'src/cli/bad-fastify.ts', imports: [value('fastify')], rule: 'http-server-only-in-web' },
  {
    file: 'src/pipeline/bad-prom.ts',
    imports: [value('prom-client')],
    rule: 'prom-client-only-in-metrics',
  },
  {
    file: 'src/text/bad-fastify.ts',
    imports: [type('fastify'), value('fastify')],
    rule: 'pure-code-uses-no-io-packages',
  },
  {
    file: 'src/web/bad-store.ts',
    imports: [type('../store/database.js')],
    rule: 'web-imports-no-store',
  },
  {
    file: 'src/metrics/bad-store.ts',
    imports: [value('../store/database.js')],
    rule: 'metrics-imports-observer-types',
  },
  {
    file: 'src/metrics/bad-pipeline.ts',
    imports: [value('../pipeline/poll.js')],
    rule: 'metrics-imports-pipeline-delivery-types-only',
  },
  { file: 'src/store/bad-cycle-a.ts', imports: [value('./bad-cycle-b.js')], rule: 'no-circular' },
  // A cycle through `import type` still ties the two files together: reported too.
  {
    file: 'src/delivery/type-cycle-a.ts',
    imports: [type('./type-cycle-b.js')],
    rule: 'no-circular',
  },
  {
    file: 'src/cli/bad-test.ts',
    imports: [value('../../test/fakes/server.js')],
    rule: 'src-never-imports-test',
  },
  {
    file: 'src/text/bad-typo.ts',
    imports: [value('./no-such-file.js')],
    rule: 'not-to-unresolvable',
  },
];

/** Other halves of bad probes (a cycle needs two files); no expectation of their own. */
export const PROBE_PARTNERS: readonly Probe[] = [
  { file: 'src/store/bad-cycle-b.ts', imports: [value('./bad-cycle-a.js')] },
  { file: 'src/delivery/type-cycle-b.ts', imports: [value('./type-cycle-a.js')] },
];
