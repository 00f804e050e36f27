// Probe files for the import rules (.config/import-rules.mjs, .config/dependency-cruiser.mjs):
// one that breaks each rule, and clean ones that use every allowance the table grants. The test
// writes them into a throw-away src/ tree, so the real `npm run lint` never sees them.

/** One import in a probe: a path relative to the probe file or a package name. */
export type ProbeImport = { readonly spec: string; readonly kind: 'value' | 'type' };

export type Probe = {
  /** Path of the probe file, relative to the probe tree's root (always under src/). */
  readonly file: string;
  readonly imports: readonly ProbeImport[];
  /** The rule that must report this file; absent for a clean probe. */
  readonly rule?: string;
};

const value = (spec: string): ProbeImport => ({ spec, kind: 'value' });
const type = (spec: string): ProbeImport => ({ spec, kind: 'type' });

/** Files the probes import; each exports a value and a type and imports nothing. */
export const PROBE_TARGETS: readonly string[] = [
  'src/domain.ts',
  'src/text/clean.ts',
  'src/time/week.ts',
  'src/config/settings.ts',
  'src/tagging/tag.ts',
  'src/digest/build.ts',
  'src/commands/types.ts',
  'src/ingest/fetch.ts',
  'src/store/database.ts',
  'src/delivery/adapter.ts',
  'src/delivery/pace.ts',
  'src/delivery/process-outbox.ts',
  'src/platforms/slack/start.ts',
  'src/platforms/discord/start.ts',
  'src/platforms/start-error.ts',
  'src/pipeline/poll.ts',
  'src/jobs/scheduler.ts',
  'src/build-data/gazetteer.ts',
  'src/for-each-bounded.ts',
  'test/fakes/server.ts',
];

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
  { file: 'src/pipeline/bad-cron.ts', imports: [value('node-cron')], rule: 'cron-only-in-jobs' },
  { file: 'src/store/bad-cycle-a.ts', imports: [value('./bad-cycle-b.js')], rule: 'no-circular' },
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
];

/** Use every allowance of the table; none may be reported. */
export const CLEAN_PROBES: readonly Probe[] = [
  { file: 'src/text/ok.ts', imports: [type('../domain.js')] },
  { file: 'src/time/ok.ts', imports: [value('../text/clean.js'), type('../domain.js')] },
  {
    file: 'src/config/ok.ts',
    imports: [value('../time/week.js'), value('node:fs'), value('yaml'), value('zod')],
  },
  {
    file: 'src/tagging/ok.ts',
    imports: [
      type('../config/settings.js'),
      value('../text/clean.js'),
      value('../time/week.js'),
      value('../digest/build.js'),
    ],
  },
  {
    file: 'src/commands/ok.ts',
    imports: [value('../digest/build.js'), value('../tagging/tag.js'), value('node:crypto')],
  },
  {
    file: 'src/digest/archive-ok.ts',
    imports: [value('node:fs'), value('node:path'), value('./build.js')],
  },
  {
    file: 'src/ingest/ok.ts',
    imports: [
      value('undici'),
      value('node:http'),
      value('../logging.js'),
      value('../for-each-bounded.js'),
      type('../config/settings.js'),
    ],
  },
  {
    file: 'src/store/ok.ts',
    imports: [value('better-sqlite3'), value('../time/week.js'), value('../text/clean.js')],
  },
  {
    file: 'src/delivery/ok.ts',
    imports: [
      value('../store/database.js'),
      value('../digest/build.js'),
      type('../commands/types.js'),
      value('../logging.js'),
    ],
  },
  {
    file: 'src/platforms/slack/ok.ts',
    imports: [
      value('@slack/bolt'),
      value('../../delivery/pace.js'),
      type('../../delivery/adapter.js'),
      value('../../commands/types.js'),
      value('../../digest/build.js'),
      value('../start-error.js'),
      type('../../config/settings.js'),
      value('./start.js'),
    ],
  },
  {
    file: 'src/platforms/discord/ok.ts',
    imports: [value('discord.js'), value('../start-error.js')],
  },
  {
    file: 'src/platforms/registry-ok.ts',
    imports: [value('./slack/start.js'), value('./discord/start.js')],
  },
  {
    file: 'src/pipeline/ok.ts',
    imports: [
      value('../ingest/fetch.js'),
      value('../tagging/tag.js'),
      value('../store/database.js'),
      value('../delivery/process-outbox.js'),
      value('../platforms/registry-ok.js'),
      type('better-sqlite3'),
    ],
  },
  {
    file: 'src/jobs/ok.ts',
    imports: [value('node-cron'), value('../pipeline/poll.js'), value('../time/week.js')],
  },
  {
    file: 'src/cli/ok.ts',
    imports: [
      value('../store/database.js'),
      value('../platforms/slack/start.js'),
      type('discord.js'),
      value('node:fs'),
    ],
  },
  {
    file: 'src/build-data/ok.ts',
    imports: [value('node:fs'), value('../tagging/tag.js'), value('./gazetteer.js')],
  },
  // A cycle made only of `import type` edges is erased at compile time: not reported.
  { file: 'src/delivery/type-cycle-a.ts', imports: [type('./type-cycle-b.js')] },
  { file: 'src/delivery/type-cycle-b.ts', imports: [value('./type-cycle-a.js')] },
];

/** The text of a probe file: each import is used, so no tool can call it dead. */
export function renderProbe(probe: Pick<Probe, 'imports'>): string {
  const lines = probe.imports.map((imp, i) =>
    imp.kind === 'type'
      ? `import type * as m${i} from '${imp.spec}';\nexport type Use${i} = typeof m${i};`
      : `import * as m${i} from '${imp.spec}';\nexport const use${i} = m${i};`,
  );
  return `${lines.join('\n')}\nexport const value = 1;\nexport type Value = number;\n`;
}
