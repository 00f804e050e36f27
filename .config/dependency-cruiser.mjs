// Import boundaries by resolved file path (dependency-cruiser), run by `npm run lint:imports`.
// The per-folder table lives in import-rules.mjs; this file adds what cuts across folders: pure
// code does no I/O, the database driver, logger, platform SDKs and cron stay in their one home,
// no run-time cycles, src/ never imports test/, every import resolves.
// Rule syntax: https://github.com/sverweij/dependency-cruiser/blob/main/doc/rules-reference.md
import { folderRules, paths } from './import-rules.mjs';

const { DOMAIN, TEXT, TIME, CONFIG, PURE_CORE, STORE, JOBS, LOGGING, WEB, METRICS } = paths;
const ARCHIVE = '^src/digest/archive-[^/]+[.]ts$';
// Node built-ins that do I/O or start processes/threads (reported without `node:`: `fs`).
const NODE_IO =
  '^(fs|fs/promises|net|http|https|http2|tls|dgram|dns|dns/promises|child_process|worker_threads|cluster|readline|inspector)$';
// npm packages that do I/O: the HTTP client and server, the database driver, the logger, SDKs,
// cron, rss-parser (it can fetch URLs itself) and the metrics registry (process-wide state).
const NPM_IO =
  '(^|/)node_modules/(undici|better-sqlite3|pino|discord[.]js|@discordjs/[^/]+|@slack/[^/]+|node-cron|rss-parser|fastify|prom-client)/';

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
    name: 'http-server-only-in-web',
    comment: 'Only src/web/ serves HTTP (fastify); others hand it a deps object.',
    severity: 'error',
    from: { path: '^src/', pathNot: [WEB] },
    to: { path: '(^|/)node_modules/fastify/', dependencyTypesNot: ['type-only'] },
  },
  {
    name: 'prom-client-only-in-metrics',
    comment: 'Only src/metrics/ creates Prometheus metrics; others report through its observers.',
    severity: 'error',
    from: { path: '^src/', pathNot: [METRICS] },
    to: { path: '(^|/)node_modules/prom-client/', dependencyTypesNot: ['type-only'] },
  },
  {
    name: 'cron-only-in-jobs',
    comment: 'jobs/ is the only place that keeps time.',
    severity: 'error',
    from: { path: '^src/', pathNot: [JOBS] },
    to: { path: '(^|/)node_modules/node-cron/', dependencyTypesNot: ['type-only'] },
  },
];

export default {
  forbidden: [
    ...folderRules,
    ...ioRules,
    {
      name: 'no-circular',
      comment: 'Import cycles hide the order of the layers and break ESM initialisation.',
      severity: 'error',
      from: { path: '^src/' },
      // Type-only edges count too: a cycle through `import type` cannot change load order, but it
      // still ties two modules together; a type both sides need belongs in a file of its own.
      to: { circular: true },
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
