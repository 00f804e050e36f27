// Import boundaries by resolved file path (dependency-cruiser), run by `npm run lint`.
// Every folder under src/ gets one "may import only" rule (an allow-list written as a forbidden
// rule, so each violation names its folder); pure folders may not reach I/O modules; platform
// SDKs, the database driver, the logger library and cron stay in their one home; no cycles.
// The table in README.md ("Development" > "Import rules") says the same in prose: change both.
// Rule syntax: https://github.com/sverweij/dependency-cruiser/blob/main/doc/rules-reference.md
// (`$1` in `to` refers to the first capture group of `from.path`).

const DOMAIN = '^src/domain[.]ts$';
const TEXT = '^src/text/';
const TIME = '^src/time/';
const CONFIG = '^src/config/';
const TAGGING = '^src/tagging/';
const DIGEST = '^src/digest/';
const ARCHIVE = '^src/digest/archive-[^/]+[.]ts$';
const COMMANDS = '^src/commands/';
const INGEST = '^src/ingest/';
const STORE = '^src/store/';
const DELIVERY = '^src/delivery/';
const DELIVERY_FOR_PLATFORMS = '^src/delivery/(adapter|pace)[.]ts$';
const PLATFORM_FOLDER = '^src/platforms/[^/]+/';
const PLATFORMS_SHARED = '^src/platforms/[^/]+[.]ts$';
const PIPELINE = '^src/pipeline/';
const JOBS = '^src/jobs/';
const ROOTS = ['^src/cli[.]ts$', '^src/cli/', '^src/main[.]ts$', '^src/bin/', '^src/demo/'];
const BUILD_DATA = '^src/build-data/';
const LOGGING = '^src/logging[.]ts$';
const FOR_EACH_BOUNDED = '^src/for-each-bounded[.]ts$';

const PURE_CORE = [TAGGING, DIGEST, COMMANDS];
const KNOWN_HOMES = [
  DOMAIN,
  TEXT,
  TIME,
  CONFIG,
  ...PURE_CORE,
  INGEST,
  STORE,
  DELIVERY,
  '^src/platforms/',
  PIPELINE,
  JOBS,
  ...ROOTS,
  BUILD_DATA,
  LOGGING,
  FOR_EACH_BOUNDED,
];

// Node built-ins that do I/O or start processes/threads (dependency-cruiser reports `node:fs` as `fs`).
const NODE_IO =
  '^(fs|fs/promises|net|http|https|http2|tls|dgram|dns|dns/promises|child_process|worker_threads|cluster|readline|inspector)$';
// npm packages that do I/O: the HTTP client, the database driver, the logger, SDKs, cron.
const NPM_IO =
  '(^|/)node_modules/(undici|better-sqlite3|pino|discord[.]js|@discordjs/[^/]+|@slack/[^/]+|node-cron|rss-parser)/';

/** `from` may import, inside src/, only its own folder and `allowed` (any kind of import). */
function mayImportOnly(name, from, allowed, comment) {
  return {
    name,
    comment,
    severity: 'error',
    from: { path: from },
    to: { path: '^src/', pathNot: [from, ...allowed].flat() },
  };
}

/** `from` may import `typesFrom` with `import type` only (no run-time edge). */
function typesOnly(name, from, typesFrom, comment) {
  return {
    name,
    comment,
    severity: 'error',
    from: { path: from },
    to: { path: typesFrom, dependencyTypesNot: ['type-only'] },
  };
}

const folderRules = [
  mayImportOnly(
    'domain-imports-nothing',
    DOMAIN,
    [],
    'domain.ts holds types only and imports nothing.',
  ),
  mayImportOnly('text-imports-domain-only', TEXT, [DOMAIN], 'text/ is pure text helpers.'),
  mayImportOnly(
    'time-imports-domain-text',
    TIME,
    [DOMAIN, TEXT],
    'time/ is pure week and date helpers.',
  ),
  mayImportOnly(
    'config-imports-domain-text-time',
    CONFIG,
    [DOMAIN, TEXT, TIME],
    'config/ loads and validates; it knows no other layer.',
  ),
  ...PURE_CORE.map((folder) => {
    const name = folder.slice('^src/'.length, -1);
    return mayImportOnly(
      `${name}-imports-pure-core-only`,
      folder,
      [DOMAIN, TEXT, TIME, CONFIG, ...PURE_CORE],
      `${name}/ is pure core: domain, text, time, the other pure folders and config types only; take a deps object for anything else.`,
    );
  }),
  ...PURE_CORE.map((folder) => {
    const name = folder.slice('^src/'.length, -1);
    return typesOnly(
      `${name}-imports-config-types-only`,
      folder,
      CONFIG,
      `${name}/ receives config as a value: import its types only.`,
    );
  }),
  mayImportOnly(
    'ingest-imports-below-it',
    INGEST,
    [DOMAIN, TEXT, TIME, CONFIG, LOGGING, FOR_EACH_BOUNDED],
    "ingest/ fetches and reads documents; storing, tagging and delivering are the pipeline's job.",
  ),
  typesOnly(
    'ingest-imports-config-types-only',
    INGEST,
    CONFIG,
    'ingest/ receives config as a value: import its types only.',
  ),
  mayImportOnly(
    'store-imports-domain-text-time',
    STORE,
    [DOMAIN, TEXT, TIME],
    'store/ is SQL over better-sqlite3; it calls no other layer.',
  ),
  mayImportOnly(
    'delivery-imports-store-digest-commands',
    DELIVERY,
    [DOMAIN, TEXT, TIME, STORE, DIGEST, COMMANDS, LOGGING, FOR_EACH_BOUNDED],
    'delivery/ has no platform code: platforms plug in through the DeliveryAdapter interface.',
  ),
  typesOnly(
    'delivery-imports-command-types-only',
    DELIVERY,
    COMMANDS,
    'delivery/ only needs the command result types.',
  ),
  {
    name: 'platform-imports-no-other-platform',
    comment:
      'A platform folder never imports another platform folder (or store/, pipeline/, ingest/, jobs/): shared code goes in src/platforms/*.ts or a lower layer.',
    severity: 'error',
    from: { path: '^src/platforms/([^/]+)/' },
    to: {
      path: '^src/',
      pathNot: [
        '^src/platforms/$1/',
        DOMAIN,
        TEXT,
        TIME,
        CONFIG,
        COMMANDS,
        DIGEST,
        DELIVERY_FOR_PLATFORMS,
        LOGGING,
        PLATFORMS_SHARED,
      ],
    },
  },
  mayImportOnly(
    'platforms-shared-imports-platforms',
    PLATFORMS_SHARED,
    [
      PLATFORM_FOLDER,
      DOMAIN,
      TEXT,
      TIME,
      CONFIG,
      COMMANDS,
      DIGEST,
      DELIVERY_FOR_PLATFORMS,
      LOGGING,
    ],
    'src/platforms/*.ts (the registry and shared helpers) sees what platforms see.',
  ),
  mayImportOnly(
    'pipeline-imports-no-platform-internals',
    PIPELINE,
    [
      DOMAIN,
      TEXT,
      TIME,
      CONFIG,
      ...PURE_CORE,
      INGEST,
      STORE,
      DELIVERY,
      PLATFORMS_SHARED,
      LOGGING,
      FOR_EACH_BOUNDED,
    ],
    'pipeline/ sequences the stages; platforms reach it through the registry (src/platforms/*.ts).',
  ),
  mayImportOnly(
    'jobs-imports-pipeline-time',
    JOBS,
    [DOMAIN, TIME, PIPELINE, LOGGING],
    'jobs/ is only timing: it calls pipeline functions on a schedule.',
  ),
  mayImportOnly(
    'shared-files-import-domain-only',
    [LOGGING, FOR_EACH_BOUNDED],
    [DOMAIN],
    'Top-level shared helpers sit below every layer.',
  ),
  {
    name: 'build-data-is-build-time-only',
    comment: 'src/build-data/ is build-time tooling: nothing that runs imports it.',
    severity: 'error',
    from: { path: '^src/', pathNot: BUILD_DATA },
    to: { path: BUILD_DATA },
  },
  {
    name: 'src-has-a-home',
    comment:
      'Every file under src/ lives in a folder (or top-level file) that has a row in the import-rule table; add a row before adding a home.',
    severity: 'error',
    from: { path: '^src/', pathNot: KNOWN_HOMES },
    to: {},
  },
];

const ioRules = [
  {
    name: 'pure-code-does-no-io',
    comment:
      'domain, text, time and the pure core (tagging, digest, commands) do no I/O: no fs, network, processes or threads. The digest archive writer (digest/archive-*.ts) is the one exception.',
    severity: 'error',
    from: { path: [DOMAIN, TEXT, TIME, ...PURE_CORE], pathNot: ARCHIVE },
    to: { dependencyTypes: ['core'], path: NODE_IO },
  },
  {
    name: 'pure-code-uses-no-io-packages',
    comment:
      'Pure folders must not import undici, better-sqlite3, pino, platform SDKs, cron or the feed parser.',
    severity: 'error',
    from: { path: [DOMAIN, TEXT, TIME, CONFIG, ...PURE_CORE] },
    to: { path: NPM_IO },
  },
  {
    name: 'sqlite-only-in-store',
    comment: 'Only store/ opens the database; others may import its types.',
    severity: 'error',
    from: { path: '^src/', pathNot: [STORE] },
    to: { path: '(^|/)node_modules/better-sqlite3/', dependencyTypesNot: ['type-only'] },
  },
  {
    name: 'pino-only-in-logging',
    comment: 'Only src/logging.ts creates loggers; others take a Logger.',
    severity: 'error',
    from: { path: '^src/', pathNot: [LOGGING] },
    to: { path: '(^|/)node_modules/pino/', dependencyTypesNot: ['type-only'] },
  },
  {
    name: 'discord-sdk-only-in-its-platform',
    comment:
      'discord.js is used only in src/platforms/discord/ (types may pass through the composition roots).',
    severity: 'error',
    from: { path: '^src/', pathNot: ['^src/platforms/discord/'] },
    to: {
      path: '(^|/)node_modules/(discord[.]js|@discordjs/[^/]+)/',
      dependencyTypesNot: ['type-only'],
    },
  },
  {
    name: 'slack-sdk-only-in-its-platform',
    comment: '@slack/* is used only in src/platforms/slack/.',
    severity: 'error',
    from: { path: '^src/', pathNot: ['^src/platforms/slack/'] },
    to: { path: '(^|/)node_modules/@slack/[^/]+/', dependencyTypesNot: ['type-only'] },
  },
  {
    name: 'cron-only-in-jobs',
    comment: 'jobs/ is the only place that keeps time.',
    severity: 'error',
    from: { path: '^src/', pathNot: [JOBS] },
    to: { path: '(^|/)node_modules/node-cron/', dependencyTypesNot: ['type-only'] },
  },
];

module.exports = {
  forbidden: [
    ...folderRules,
    ...ioRules,
    {
      name: 'no-circular',
      comment: 'Import cycles hide the order of the layers and break ESM initialisation.',
      severity: 'error',
      from: { path: '^src/' },
      // Run-time edges only: `import type` is erased (verbatimModuleSyntax), so a cycle through a
      // type import cannot change load order. A type that both sides need still belongs lower.
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'src-never-imports-test',
      comment: 'Run-time code never imports tests, fakes or fixtures.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^test/' },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that does not resolve is a typo or a missing dependency.',
      severity: 'error',
      from: { path: '^src/' },
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // See type-only imports (`import type`) as edges too, marked `type-only`.
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
