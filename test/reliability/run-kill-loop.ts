// The SIGKILL loop shared by test/reliability/crash-safety.test.ts (short) and `npm run soak`
// (test/soak/kill-loop.ts, long). Each run starts crash-child.ts against the same database with a
// seeded kill plan: during polling (as a feed request arrives, just after a feed was served while
// it is parsed and saved, or at a random moment of the poll phase) or during delivery (as a post
// arrives, after the platform accepted it but before the answer, just after the answer while it
// is recorded, while looking up an earlier attempt, or at a random moment of the digest phase).
// A run that is not killed finishes the week; then every invariant in kill-check.ts is checked
// and the next week's stories appear in the feeds. The clock moves 6 minutes per restart (past
// the outbox's 5-minute lease) so a part left "sending" by a killed run is taken over.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { checkWorld, type CheckResult } from './kill-check.js';
import type { ProxiedRequest, ProxyAction } from './kill-proxy.js';
import { createKillWorld, REPO_ROOT, type KillWorld } from './kill-world.js';

export const KILL_POINTS = [
  'feed-request',
  'feed-served',
  'poll-timer',
  'post-request',
  'post-committed',
  'post-answered',
  'lookup-request',
  'digest-timer',
] as const;
export type KillPoint = (typeof KILL_POINTS)[number];

export interface KillLoopOptions {
  seed: number;
  kills: number;
  sources?: number;
  itemsPerEpoch?: number;
  /** Progress lines (one per run); silent when absent. */
  log?: (line: string) => void;
}

export interface KillLoopReport extends CheckResult {
  seed: number;
  kills: number;
  runs: number;
  weeks: number;
  killsByPoint: Record<KillPoint, number>;
}

/** mulberry32: small, fast, good enough to make a kill plan reproducible from its seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Plan {
  point: KillPoint | 'none';
  /** Which matching request (1-based) triggers it, or the timer delay in ms. */
  at: number;
  delayMs: number;
}

type RequestKind = 'feed' | 'post' | 'lookup' | 'other';

function classify(req: ProxiedRequest): RequestKind {
  if (/\/feed-\d+\.xml$/.test(req.path)) return 'feed';
  if (req.path.endsWith('/chat.postMessage')) return 'post';
  if (/\/conversations\.(history|replies)$/.test(req.path)) return 'lookup';
  if (/\/channels\/\d+\/messages/.test(req.path)) return req.method === 'POST' ? 'post' : 'lookup';
  return 'other';
}

const CHILD = join(REPO_ROOT, 'test', 'reliability', 'crash-child.ts');

export async function runKillLoop(options: KillLoopOptions): Promise<KillLoopReport> {
  const random = seededRandom(options.seed);
  const pick = (n: number): number => Math.floor(random() * n);
  const killsByPoint = Object.fromEntries(KILL_POINTS.map((p) => [p, 0])) as Record<
    KillPoint,
    number
  >;
  let plan: Plan = { point: 'none', at: 0, delayMs: 0 };
  let seen: Record<RequestKind, number> = { feed: 0, post: 0, lookup: 0, other: 0 };
  /** Kills the child of the run that is current now; a late timer never hits the next run. */
  let killCurrent: () => void = () => undefined;
  let fired = false;
  const decide = (req: ProxiedRequest): ProxyAction => {
    const kind = classify(req);
    seen[kind]++;
    if (fired || seen[kind] !== plan.at) return { kind: 'pass' };
    const kill = killCurrent;
    if (kind === 'feed' && plan.point === 'feed-request') return { kind: 'kill-before', kill };
    if (kind === 'feed' && plan.point === 'feed-served')
      return { kind: 'kill-after-answer', delayMs: plan.delayMs, kill };
    if (kind === 'post' && plan.point === 'post-request') return { kind: 'kill-before', kill };
    if (kind === 'post' && plan.point === 'post-committed')
      return { kind: 'kill-after-commit', kill };
    if (kind === 'post' && plan.point === 'post-answered')
      return { kind: 'kill-after-answer', delayMs: plan.delayMs, kill };
    if (kind === 'lookup' && plan.point === 'lookup-request') return { kind: 'kill-before', kill };
    return { kind: 'pass' };
  };

  const world: KillWorld = await createKillWorld({
    sources: options.sources ?? 4,
    itemsPerEpoch: options.itemsPerEpoch ?? 12,
    decide,
  });
  let kills = 0;
  let runs = 0;
  let runInEpoch = 0;
  let interruptedPost = false;
  let last: CheckResult | null = null;
  const maxRuns = options.kills * 4 + 20;
  try {
    while (runs < maxRuns) {
      // After a kill around a post, the next run first looks the part up (findSent): aim there
      // half the time, or that recovery path would rarely be hit.
      const point: KillPoint | 'none' =
        kills >= options.kills || random() < 0.15
          ? 'none'
          : interruptedPost && random() < 0.5
            ? 'lookup-request'
            : KILL_POINTS[pick(KILL_POINTS.length)]!;
      plan = {
        point,
        // Lookups happen only when a run takes over an interrupted part: usually the first one.
        at: point.startsWith('feed')
          ? 1 + pick(options.sources ?? 4)
          : point === 'lookup-request'
            ? 1 + pick(2)
            : 1 + pick(4),
        delayMs: point.endsWith('timer') ? pick(point === 'poll-timer' ? 150 : 400) : pick(25),
      };
      seen = { feed: 0, post: 0, lookup: 0, other: 0 };
      fired = false;
      const now = new Date(world.dueAt(world.epoch).getTime() + 60_000 + runInEpoch * 6 * 60_000);
      const result = await runChild(world, now, plan, (k) => {
        killCurrent = () => {
          fired = true;
          k();
        };
      });
      runs++;
      runInEpoch++;
      killCurrent = () => undefined;
      interruptedPost = result.signal === 'SIGKILL' && point.startsWith('post');
      if (result.signal === 'SIGKILL') {
        kills++;
        if (point !== 'none') killsByPoint[point]++;
        options.log?.(`run ${runs}: week ${world.epoch} killed at ${point} (${kills} kills)`);
        continue;
      }
      if (result.code !== 0) {
        throw new Error(
          `kill-loop: child exited ${result.code ?? result.signal} (seed ${options.seed}): ${result.stderr.slice(-2000)}`,
        );
      }
      const summary = JSON.parse(result.stdout.trim().split('\n').pop() ?? '{}') as {
        unsent?: number;
      };
      options.log?.(`run ${runs}: week ${world.epoch} finished, ${summary.unsent ?? '?'} unsent`);
      if (summary.unsent !== 0) continue;
      last = checkWorld(world, world.epoch);
      if (last.problems.length > 0 || kills >= options.kills) break;
      world.epoch++;
      runInEpoch = 0;
    }
    last ??= checkWorld(world, world.epoch - 1);
    return { ...last, seed: options.seed, kills, runs, weeks: world.epoch + 1, killsByPoint };
  } finally {
    await world.close();
  }
}

export interface ChildResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** One run of crash-child.ts at virtual time `now`; without a plan it is never killed. */
export function runChild(
  world: KillWorld,
  now: Date,
  plan: Plan = { point: 'none', at: 0, delayMs: 0 },
  setKill: (kill: () => void) => void = () => undefined,
): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD], {
      cwd: REPO_ROOT,
      env: world.childEnv(now),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let exited = false;
    const killNow = (): void => {
      if (!exited) child.kill('SIGKILL');
    };
    setKill(killNow);
    let stdout = '';
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      const phase = plan.point === 'poll-timer' ? 'phase poll\n' : 'phase digest\n';
      if (plan.point.endsWith('timer') && timer === undefined && stdout.includes(phase)) {
        timer = setTimeout(killNow, plan.delayMs);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('exit', () => (exited = true));
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}
