// The import-rule table for src/ (dependency-cruiser rules, loaded by dependency-cruiser.mjs).
// One row per home under src/: what it may import besides itself and npm packages. Each row
// becomes an allow-list written as a forbidden rule, so a violation names the folder's rule.
// README.md ("Development" > "Import rules") shows the same table: change both together.
// Paths are resolved file paths relative to the repo root, so `../slack/x.js` from inside
// platforms/discord/ is caught (string patterns on the import text missed it).

const DOMAIN = '^src/domain(-digest)?[.]ts$';
const TEXT = '^src/text/';
const TIME = '^src/time/';
const CONFIG = '^src/config/';
const PURE_CORE = ['^src/tagging/', '^src/digest/', '^src/commands/'];
const COMMANDS = '^src/commands/';
const DIGEST = '^src/digest/';
const INGEST = '^src/ingest/';
const STORE = '^src/store/';
const DELIVERY = '^src/delivery/';
// What a platform needs from delivery/: the adapter interface and the pacer, nothing that
// opens the outbox.
const DELIVERY_FOR_PLATFORMS = '^src/delivery/(adapter|pace)[.]ts$';
const PLATFORM_FOLDER = '^src/platforms/[^/]+/';
const PLATFORMS_SHARED = '^src/platforms/[^/]+[.]ts$';
const PIPELINE = '^src/pipeline/';
const JOBS = '^src/jobs/';
const ROOTS = ['^src/cli[.]ts$', '^src/cli/', '^src/main[.]ts$', '^src/bin/', '^src/demo/'];
const BUILD_DATA = '^src/build-data/';
const WEB = '^src/web/';
const METRICS = '^src/metrics/';
const LOGGING = '^src/logging[.]ts$';
const FOR_EACH_BOUNDED = '^src/for-each-bounded[.]ts$';
const SHARED = [LOGGING, FOR_EACH_BOUNDED];
// The lower layers a platform folder, and the registry beside the folders, may import.
const PLATFORM_LAYERS = [
  DOMAIN,
  TEXT,
  TIME,
  CONFIG,
  COMMANDS,
  DIGEST,
  DELIVERY_FOR_PLATFORMS,
  LOGGING,
];
const KNOWN_HOMES = [
  [DOMAIN, TEXT, TIME, CONFIG, PURE_CORE, INGEST, STORE, DELIVERY, '^src/platforms/'],
  [PIPELINE, JOBS, ROOTS, BUILD_DATA, SHARED, WEB, METRICS],
].flat(2);
const HOME_COMMENT =
  'Every file under src/ lives in a home that has a row in this table: add a row before adding a home.';

/** A home may import, inside src/, only itself and `allowed` (any kind of import). */
function mayImportOnly(name, from, allowed, comment) {
  return {
    name,
    comment,
    severity: 'error',
    from: { path: from },
    to: { path: '^src/', pathNot: [from, allowed].flat(2) },
  };
}

/** A home may import `typesFrom` with `import type` only: no run-time edge. */
function typesOnly(name, from, typesFrom, comment) {
  return {
    name,
    comment,
    severity: 'error',
    from: { path: from },
    to: { path: typesFrom, dependencyTypesNot: ['type-only'] },
  };
}

const pureCoreRules = PURE_CORE.flatMap((folder) => {
  const name = folder.slice('^src/'.length, -1);
  return [
    mayImportOnly(
      `${name}-imports-pure-core-only`,
      folder,
      [DOMAIN, TEXT, TIME, CONFIG, PURE_CORE],
      `${name}/ is pure core: domain, text, time, the other pure folders and config types; take a deps object for the rest.`,
    ),
    typesOnly(
      `${name}-imports-config-types-only`,
      folder,
      CONFIG,
      `${name}/ receives configuration as a value: import its types only.`,
    ),
  ];
});

export const folderRules = [
  {
    name: 'domain-imports-nothing',
    comment: 'domain.ts (and domain-*.ts, its parts) hold types only and import nothing else.',
    severity: 'error',
    from: { path: DOMAIN },
    to: { pathNot: DOMAIN },
  },
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
    'config/ loads and validates configuration; it knows no other layer.',
  ),
  ...pureCoreRules,
  mayImportOnly(
    'ingest-imports-no-store-or-later-stage',
    INGEST,
    [DOMAIN, TEXT, TIME, CONFIG, SHARED],
    "ingest/ fetches and reads documents; tagging, storing and delivering are the pipeline's job.",
  ),
  typesOnly(
    'ingest-imports-config-types-only',
    INGEST,
    CONFIG,
    'ingest/ receives configuration as a value: import its types only.',
  ),
  mayImportOnly(
    'store-imports-domain-text-time',
    STORE,
    [DOMAIN, TEXT, TIME],
    'store/ is SQL over better-sqlite3; it calls no other layer (the pipeline tags, then stores).',
  ),
  mayImportOnly(
    'delivery-imports-no-platform',
    DELIVERY,
    [DOMAIN, TEXT, TIME, STORE, DIGEST, COMMANDS, SHARED],
    'delivery/ holds no platform code: platforms plug in through the DeliveryAdapter interface.',
  ),
  typesOnly(
    'delivery-imports-command-types-only',
    DELIVERY,
    COMMANDS,
    'delivery/ needs only the command result types.',
  ),
  {
    name: 'platform-folder-imports-lower-layers-only',
    comment:
      'A platform folder never imports another platform folder, store/, pipeline/, ingest/ or jobs/: shared code goes in src/platforms/*.ts or a lower layer.',
    severity: 'error',
    from: { path: '^src/platforms/([^/]+)/' },
    to: {
      path: '^src/',
      pathNot: ['^src/platforms/$1/', ...PLATFORM_LAYERS, PLATFORMS_SHARED],
    },
  },
  mayImportOnly(
    'platforms-registry-imports-platforms',
    PLATFORMS_SHARED,
    [PLATFORM_FOLDER, ...PLATFORM_LAYERS],
    'src/platforms/*.ts (the registry, shared helpers) import the platform folders and what they may import.',
  ),
  mayImportOnly(
    'pipeline-imports-no-platform-internals',
    PIPELINE,
    [DOMAIN, TEXT, TIME, CONFIG, PURE_CORE, INGEST, STORE, DELIVERY, PLATFORMS_SHARED, SHARED],
    'pipeline/ sequences the stages; it reaches platforms only through src/platforms/*.ts.',
  ),
  mayImportOnly(
    'jobs-imports-pipeline-time',
    JOBS,
    [DOMAIN, TIME, PIPELINE, LOGGING],
    'jobs/ is only timing: it calls pipeline functions on a schedule.',
  ),
  mayImportOnly(
    'web-imports-no-store',
    WEB,
    [DOMAIN, TEXT, TIME, CONFIG, COMMANDS, DIGEST, LOGGING],
    'web/ serves pages and probes from a deps object; it never opens the store or runs the pipeline.',
  ),
  mayImportOnly(
    'metrics-imports-observer-types',
    METRICS,
    [DOMAIN, PIPELINE, DELIVERY],
    'metrics/ implements the observer interfaces pipeline/ and delivery/ declare; nothing else.',
  ),
  typesOnly(
    'metrics-imports-pipeline-delivery-types-only',
    METRICS,
    [PIPELINE, DELIVERY],
    'metrics/ needs only the observer and outcome types from pipeline/ and delivery/.',
  ),
  mayImportOnly(
    'shared-files-import-domain-only',
    SHARED,
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
  // A file in a home without a row: reported when it imports something, when something imports
  // it, or when it does neither.
  {
    name: 'src-file-has-a-row',
    comment: HOME_COMMENT,
    severity: 'error',
    from: { path: '^src/', pathNot: KNOWN_HOMES },
    to: {},
  },
  {
    name: 'src-import-has-a-row',
    comment: HOME_COMMENT,
    severity: 'error',
    from: {},
    to: { path: '^src/', pathNot: KNOWN_HOMES },
  },
  {
    name: 'src-orphan-has-a-row',
    comment: HOME_COMMENT,
    severity: 'error',
    from: { orphan: true, path: '^src/', pathNot: KNOWN_HOMES },
    to: {},
  },
];

export const paths = { DOMAIN, TEXT, TIME, CONFIG, PURE_CORE, STORE, JOBS, LOGGING, WEB, METRICS };
