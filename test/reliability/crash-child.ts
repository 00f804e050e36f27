// Child process of the crash-safety harness (test/reliability/kill-world.ts): the real bot code,
// one round of what `briefing run` does on a tick: poll every enabled source, then the weekly
// digest job (archive, outbox, delivery through the real Slack and Discord adapters). The parent
// SIGKILLs it at random points and restarts it. Run as `node --import tsx crash-child.ts`.
// Input is the ordinary environment (DATABASE_PATH, BRIEFING_CONFIG_DIR, DIGESTS_DIR, tokens and
// API URLs) plus CRASH_NOW: the virtual clock, so an outbox lease left by a killed run has expired
// when the next run starts without waiting in real time.
// Output on stdout: "phase poll", "phase digest", then one JSON line with the final counts.
import { buildPollDeps } from '../../src/pipeline/build-poll-deps.js';
import { createCliAdapters } from '../../src/cli/delivery-adapters.js';
import { loadEnv } from '../../src/config/env.js';
import { loadConfigOrThrow } from '../../src/config/load.js';
import { pollSources } from '../../src/pipeline/poll-all.js';
import { runDigestJob } from '../../src/pipeline/run-digest-job.js';
import { createLogger } from '../../src/logging.js';
import { openDatabase } from '../../src/store/database.js';

const parsedEnv = loadEnv(process.env);
if (!parsedEnv.ok) throw new Error(`crash-child: ${parsedEnv.errors.join('; ')}`);
const env = parsedEnv.env;
const nowText = process.env.CRASH_NOW;
if (!nowText) throw new Error('crash-child: CRASH_NOW is required');
const now = new Date(nowText);

const logger = createLogger(env.LOG_LEVEL, process.stderr);
const config = loadConfigOrThrow(env.BRIEFING_CONFIG_DIR);
const db = openDatabase(env.DATABASE_PATH);

process.stdout.write('phase poll\n');
const outcomes = await pollSources(
  config.sources.filter((s) => s.enabled),
  buildPollDeps({ db, env, config, logger, now: () => now }),
  { concurrency: config.settings.poll.concurrency },
);

process.stdout.write('phase digest\n');
const adapters = await createCliAdapters(env, logger);
const report = await runDigestJob({
  db,
  config,
  adapters,
  now,
  digestsDir: env.DIGESTS_DIR,
  logger,
});
const unsent = db
  .prepare("SELECT count(*) AS n FROM outbox WHERE status IN ('pending', 'sending')")
  .get() as { n: number };
db.close();
process.stdout.write(
  `${JSON.stringify({
    failedSources: outcomes.filter((o) => o.status === 'failed').map((o) => o.reason),
    enqueued: report.enqueued.length,
    skipped: report.skipped,
    delivery: report.delivery,
    unsent: unsent.n,
  })}\n`,
  // Like src/bin/briefing.mjs: keep-alive sockets of the HTTP clients must not hold the exit.
  () => process.exit(0),
);
