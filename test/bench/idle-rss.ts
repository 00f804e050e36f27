// Idle-memory benchmark: starts the long-running process (`node src/bin/briefing.mjs run`) with
// every adapter configured against loopback fakes (Slack Web API + Socket Mode, Discord REST +
// gateway), a temporary database and a config folder whose sources point at a loopback feed
// server; once every source has been fetched, watches VmRSS (/proc/<pid>/status) for
// `observeMs` and reports the reading at the end (V8's memory reducer shrinks the heap over the
// first minute of idleness, so a reading right after start-up overstates the idle cost) and the
// highest reading in the window. Target (issue 17): idle_rss_mb <= 120 (issue 7 had 150).
// idle_children_rss_mb adds up the bot's child processes (esbuild's service process, which the
// parse-worker bundling once left running with ~88 MB) so memory outside the bot's own is seen.
// `restart: true` measures a restart (database and validated-config cache already in data/).
// The process runs the compiled build, as deployed: a missing or stale dist/ is rebuilt first
// (fresh-build.ts); without that the launcher ran the TypeScript sources through tsx (~30 MB more).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
  copyFileSync,
  existsSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, stringify } from 'yaml';
import { startFakeDiscordGateway } from '../fakes/discord-gateway.js';
import { startFakeDiscordRest } from '../fakes/discord-rest.js';
import { FakeSlackApi } from '../fakes/slack-api.js';
import { FakeSlackSocketMode } from '../fakes/slack-socket-mode.js';
import { ensureFreshBuild } from './fresh-build.js';
import { readProcessRssMb } from './measure.js';

import { feedPath, startBenchFeedServer } from './poll.js';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

export interface IdleRssOptions {
  sources: number;
  itemsPerSource: number;
  /** Give up after this long in all (start-up, first poll and observation). */
  timeoutMs: number;
  /** How long to watch the idle process after every source was fetched. */
  observeMs: number;
  /** Extra node flags for the process under measurement, e.g. ['--max-old-space-size=96']. */
  nodeArgs?: string[];
  /** Extra environment for the process under measurement, e.g. { MALLOC_ARENA_MAX: '2' }. */
  env?: Record<string, string>;
  /**
   * Measure a restart: run `briefing sources` once first, so the database exists and the
   * validated configuration is cached in data/ (config/config-cache.ts), as on every start of a
   * deployed bot but its first. Without it, the first start ever (config/ validated in-process).
   */
  restart?: boolean;
}

export type IdleRssResult =
  | {
      measured: true;
      idle_rss_mb: number;
      idle_startup_s: number;
      /** Seconds until `run` printed "Running:" (-1 if it never did) and until the first fetch. */
      idle_ready_s: number;
      idle_first_fetch_s: number;
      idle_sources_fetched: number;
      /** Highest reading while idle (right after the first poll, before the heap shrinks). */
      idle_rss_max_mb: number;
      idle_observed_s: number;
      /** 1 when the process opened a Socket Mode connection / identified on the gateway. */
      idle_slack_connected: number;
      idle_discord_identified: number;
      /** RSS of the bot's child processes at the end (a helper left running counts too). */
      idle_children_rss_mb: number;
    }
  | { measured: false; reason: string };

function writeConfig(dir: string, origin: string, sources: number): void {
  for (const file of ['themes.yaml', 'settings.yaml', 'organisations.yaml']) {
    const from = join(ROOT, 'config', file);
    if (existsSync(from)) copyFileSync(from, join(dir, file));
  }
  const settings = parse(readFileSync(join(dir, 'settings.yaml'), 'utf8')) as {
    poll?: Record<string, unknown>;
  };
  settings.poll = { ...settings.poll, allowPrivateAddresses: true };
  writeFileSync(join(dir, 'settings.yaml'), stringify(settings));
  const list = Array.from({ length: sources }, (_, i) => ({
    id: `bench-${i}`,
    name: `Bench source ${i}`,
    kind: 'feed',
    url: `${origin}${feedPath(i)}`,
    authority: 0.5,
  }));
  writeFileSync(join(dir, 'sources.yaml'), stringify({ sources: list }));
}

/** The summed RSS of `pid`'s child processes (Linux /proc; field 4 of stat is the parent). */
function childrenRssMb(pid: number): number {
  let total = 0;
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) !== pid) continue;
      total += readProcessRssMb(Number(name)) ?? 0;
    } catch {
      // ended while we looked
    }
  }
  return total;
}

const tick = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export async function runIdleRssBench(options: IdleRssOptions): Promise<IdleRssResult> {
  if (!existsSync(join(ROOT, 'src/cli/run.ts'))) {
    return { measured: false, reason: 'src/cli/run.ts (the `run` command) does not exist yet' };
  }
  if (!existsSync('/proc/self/status'))
    return { measured: false, reason: 'no /proc on this system' };
  const build = ensureFreshBuild(ROOT);
  if (!build.ready) return { measured: false, reason: build.reason };
  if (build.rebuilt) process.stderr.write('idle-rss: dist/ was older than src/: rebuilt it\n');
  const work = mkdtempSync(join(tmpdir(), 'briefing-bench-idle-'));
  const configDir = join(work, 'config');
  const feeds = await startBenchFeedServer(options.sources, options.itemsPerSource);
  const slack = await new FakeSlackApi().start();
  const socket = await new FakeSlackSocketMode().start();
  slack.socketUrl = socket.url;
  const applicationId = '900000000000000009';
  const gateway = await startFakeDiscordGateway({
    applicationId,
    guilds: [
      {
        id: '800000000000000001',
        name: 'Bench',
        channels: [{ id: '810000000000000001', name: 'news' }],
      },
    ],
  });
  const rest = await startFakeDiscordRest({ gatewayUrl: gateway.url });
  let child: ChildProcess | null = null;
  let stderrTail = '';
  try {
    const { mkdirSync } = await import('node:fs');
    mkdirSync(configDir);
    writeConfig(configDir, feeds.origin, options.sources);
    const baseEnv = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      DATABASE_PATH: join(work, 'briefing.db'),
      BRIEFING_CONFIG_DIR: configDir,
      DIGESTS_DIR: join(work, 'digests'),
      LOG_LEVEL: 'warn',
    };
    if (options.restart) {
      const bin = join(ROOT, 'src/bin/briefing.mjs');
      const first = spawnSync(process.execPath, [bin, 'sources', '--json'], {
        cwd: ROOT,
        env: baseEnv,
        stdio: 'ignore',
      });
      if (first.status !== 0) return { measured: false, reason: `sources exited ${first.status}` };
    }
    const started = performance.now();
    const args = [...(options.nodeArgs ?? []), join(ROOT, 'src/bin/briefing.mjs'), 'run'];
    child = spawn(process.execPath, args, {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...baseEnv,
        ...options.env,
        SLACK_BOT_TOKEN: slack.botToken,
        SLACK_APP_TOKEN: slack.appToken,
        SLACK_API_URL: slack.apiUrl,
        DISCORD_TOKEN: 'bench-discord-token',
        DISCORD_APPLICATION_ID: applicationId,
        DISCORD_API_URL: rest.apiUrl,
      },
    });
    let readyAt: number | null = null;
    child.stdout?.setEncoding('utf8');
    child.stdout?.on('data', (chunk: string) => {
      // main.ts prints "Running: ..." once the first poll is done and the platforms are started.
      if (readyAt === null && chunk.includes('Running:')) readyAt = performance.now();
    });
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      stderrTail = (stderrTail + chunk).slice(-2000);
    });
    let exited: number | null = null;
    child.on('exit', (code) => {
      exited = code ?? -1;
    });
    const pid = child.pid!;
    const fetched = (): number => new Set(feeds.requests.map((r) => r.path)).size;
    let history: { at: number; rss: number }[] = [];
    let firstFetchAt: number | null = null;
    let idleSince: number | null = null;
    const reading = (): IdleRssResult => {
      const values = history.map((h) => h.rss);
      const last = history[history.length - 1]!;
      return {
        measured: true,
        idle_rss_mb: values[values.length - 1]!,
        idle_rss_max_mb: Math.max(...values),
        idle_observed_s: (last.at - idleSince!) / 1000,
        idle_startup_s: (idleSince! - started) / 1000,
        idle_ready_s: readyAt === null ? -1 : (readyAt - started) / 1000,
        idle_first_fetch_s: firstFetchAt === null ? -1 : (firstFetchAt - started) / 1000,
        idle_sources_fetched: fetched(),
        idle_slack_connected: slack.callsTo('apps.connections.open').length > 0 ? 1 : 0,
        idle_discord_identified: gateway.identifies > 0 ? 1 : 0,
        idle_children_rss_mb: childrenRssMb(pid),
      };
    };
    while (performance.now() - started < options.timeoutMs) {
      await tick(250);
      if (exited !== null) {
        return {
          measured: false,
          reason: `run exited with ${exited}: ${stderrTail.trim().split('\n').slice(-3).join(' | ')}`,
        };
      }
      const rss = readProcessRssMb(pid);
      if (rss === null) continue;
      if (firstFetchAt === null && feeds.requests.length > 0) firstFetchAt = performance.now();
      if (fetched() < options.sources) {
        history = [];
        continue;
      }
      const now = performance.now();
      idleSince ??= now;
      history.push({ at: now, rss });
      if (now - idleSince >= options.observeMs) return reading();
    }
    return {
      measured: false,
      reason: `not idle within ${options.timeoutMs} ms (${fetched()} of ${options.sources} sources fetched)`,
    };
  } finally {
    if (child && child.exitCode === null) {
      const done = new Promise((r) => child!.once('exit', r));
      child.kill('SIGTERM');
      const forced = setTimeout(() => child!.kill('SIGKILL'), 5000);
      await done;
      clearTimeout(forced);
    }
    await rest.close();
    await gateway.close();
    await socket.stop();
    await slack.stop();
    await feeds.close();
    rmSync(work, { recursive: true, force: true });
  }
}
