// `briefing demo`: the whole pipeline against bundled sample sources served on loopback, so a
// newcomer with no internet and no chat tokens sees it work. Polls twice (the second poll is all
// 304s), subscribes an in-memory channel, builds and archives the demo week's digest, delivers it
// through the outbox, and prints it as Markdown; then shows an acronym search, a CCG recognised
// and a reader's correction on the archive (demo-vocabulary.ts). Leaves data/demo.db to explore.
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { buildPollDeps } from '../pipeline/build-poll-deps.js';
import { startSampleServer } from '../demo/sample-server.js';
import { pollSources } from '../pipeline/poll-all.js';
import { loggerForPrintedEvents } from '../logging.js';
import { openDatabase } from '../store/database.js';
import { countStories } from '../store/stories.js';
import type { CliCommand } from './command.js';
import { runDemoDigest } from './demo-digest.js';
import { DEMO_ADDRESS, runDemoEmail } from './demo-email.js';
import { runDemoVocabulary } from './demo-vocabulary.js';
import { formatOutcomeLine, writeSummary } from './progress.js';

export const DEMO_WEEK = '2021-W47';
const DEFAULT_DEMO_DB = 'data/demo.db';

export const command: CliCommand = {
  name: 'demo',
  summary: 'Run the whole pipeline against bundled sample sources on loopback',
  help: `Usage: briefing demo [--db PATH] [--digests DIR] [--quiet]

Serves five sample sources on 127.0.0.1 (RSS 2.0 with gzip, Atom with relative links, a
windows-1252 paywalled feed, RDF/RSS 1.0 and an HTML listing page), polls them with the real
pipeline (fetch, decode, parse, normalise, tag, store), polls again to show conditional GET,
then builds the ${DEMO_WEEK} catch-up, archives it to digests/ and delivers it to an in-memory
channel through the outbox, and by email to a loopback SMTP server that saves it as an .eml
file next to the database (demo-mail/). Then it searches ICS (also finding "integrated care
system"), explains a story naming a CCG (its kind and the ICB that succeeded it) and corrects one
story's themes for the demo workspace (-carter +procurement). Needs no internet and no tokens.

The demo database is recreated each run (default ${DEFAULT_DEMO_DB}); explore it afterwards:
  DATABASE_PATH=${DEFAULT_DEMO_DB} npx briefing search "unwarranted variation"
  DATABASE_PATH=${DEFAULT_DEMO_DB} npx briefing search ICS      (also finds "integrated care system")
  DATABASE_PATH=${DEFAULT_DEMO_DB} npx briefing search --theme covid_cip
  DATABASE_PATH=${DEFAULT_DEMO_DB} npx briefing sources   (shows the real sources, not the demo's)

Options:
  --db PATH       demo database file (default ${DEFAULT_DEMO_DB})
  --digests DIR   where the digest is archived (default: DIGESTS_DIR, i.e. digests/)
  --quiet         print only the summary lines
`,
  options: { db: { type: 'string' }, digests: { type: 'string' }, quiet: { type: 'boolean' } },
  async run(ctx, args) {
    const dbPath = (args.values.db as string | undefined) ?? DEFAULT_DEMO_DB;
    const digestsDir = (args.values.digests as string | undefined) ?? ctx.env.DIGESTS_DIR;
    const quiet = args.values.quiet === true;
    const out = ctx.stdout;
    const baseConfig = ctx.config();
    // The demo's sources live on loopback, which the SSRF guard refuses by default.
    const config = Object.freeze({
      ...baseConfig,
      settings: {
        ...baseConfig.settings,
        poll: { ...baseConfig.settings.poll, allowPrivateAddresses: true },
      },
    });
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${dbPath}${suffix}`, { force: true });
    const db = openDatabase(dbPath);
    const server = await startSampleServer();
    try {
      const sources = server.sources;
      // The demo prints every outcome and delivery itself: on a terminal they are not logged too.
      const printed = loggerForPrintedEvents(ctx.logger);
      const deps = buildPollDeps({ db, env: ctx.env, config, logger: printed });
      out.write(
        `Demo: ${sources.length} sample sources on ${server.baseUrl}, database ${dbPath}\n\n`,
      );

      out.write('First poll:\n');
      const t1 = performance.now();
      const first = await pollSources(sources, deps, {
        concurrency: 4,
        onOutcome: (o, s) => out.write(`${formatOutcomeLine(o, s)}\n`),
      });
      const firstMs = performance.now() - t1;
      writeSummary(out, first, firstMs);

      out.write('\nSecond poll (conditional GET: nothing changed):\n');
      const t2 = performance.now();
      const second = await pollSources(sources, deps, {
        concurrency: 4,
        onOutcome: quiet ? undefined : (o, s) => out.write(`${formatOutcomeLine(o, s)}\n`),
      });
      const secondMs = performance.now() - t2;
      writeSummary(out, second, secondMs);
      out.write(
        `Second poll took ${((secondMs / firstMs) * 100).toFixed(0)}% of the first (${secondMs.toFixed(0)} ms vs ${firstMs.toFixed(0)} ms).\n`,
      );
      out.write(`Archive holds ${countStories(db)} stories.\n\n`);

      const digest = await runDemoDigest({
        db,
        config,
        sources,
        week: DEMO_WEEK,
        digestsDir,
        logger: printed,
      });
      out.write(`Digest ${DEMO_WEEK} archived to ${digest.markdownPath} and ${digest.jsonPath}\n`);
      out.write(
        `Delivered to the in-memory channel through the outbox: ${digest.partsSent} message(s) sent; a second delivery run sent ${digest.secondRunSent}.\n\n`,
      );
      const mailDir = join(dirname(dbPath), 'demo-mail');
      const email = await runDemoEmail({
        db,
        digest: digest.digest,
        now: digest.endsAt,
        mailDir,
        logger: printed,
      });
      out.write(
        email.status === 'sent'
          ? `Emailed to ${DEMO_ADDRESS} through a loopback SMTP server; read it in ${email.files.join(', ')} (open the .eml file in any mail client).\n\n`
          : `Email step skipped: ${email.reason}.\n\n`,
      );
      if (!quiet) out.write(`${digest.markdown}\n`);
      // After the digest: a reader's correction applies to future digests, not this one.
      out.write(`\n${runDemoVocabulary({ db, config, logger: printed }).join('\n')}\n`);
      out.write(
        `\nExplore the demo archive:\n  DATABASE_PATH=${dbPath} npx briefing search "unwarranted variation"\n  DATABASE_PATH=${dbPath} npx briefing search ICS\n  DATABASE_PATH=${dbPath} npx briefing search --theme stp\n`,
      );
      return first.every((o) => o.status === 'ok') ? 0 : 1;
    } finally {
      await server.close();
      db.close();
    }
  },
};
