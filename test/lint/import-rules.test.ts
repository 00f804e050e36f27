// The import rules can fail: the real `depcruise` command that `npm run lint:imports` runs, with
// the project's config, over a throw-away src/ tree of probe files (bad- and clean-import-probes.ts). Every
// rule in the config must be broken by at least one probe and reported for exactly that file;
// the clean probes, which use every allowance of the table, must not be reported.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BAD_PROBES, PROBE_PARTNERS } from './bad-import-probes.js';
import { CLEAN_PROBES } from './clean-import-probes.js';
import { PROBE_TARGETS, renderProbe } from './probe-shape.js';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CONFIG = join(REPO_ROOT, '.config', 'dependency-cruiser.mjs');
const DEPCRUISE = join(
  REPO_ROOT,
  'node_modules',
  'dependency-cruiser',
  'bin',
  'dependency-cruise.mjs',
);

type Violation = { rule: { name: string }; from: string; to: string };

let dir = '';
let violations: Violation[] = [];
let errLong = { code: null as number | null, stdout: '' };

function writeTree(root: string): void {
  const files = new Map<string, string>();
  for (const target of PROBE_TARGETS) files.set(target, renderProbe({ imports: [] }));
  for (const probe of [...BAD_PROBES, ...PROBE_PARTNERS, ...CLEAN_PROBES])
    files.set(probe.file, renderProbe(probe));
  for (const [file, text] of files) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), text);
  }
  // Packages resolve from the project's own node_modules, as they do for the real src/.
  symlinkSync(join(REPO_ROOT, 'node_modules'), join(root, 'node_modules'), 'dir');
}

/** `depcruise src` as `npm run lint:imports` runs it (exit code = number of errors). */
function runDepcruise(
  cwd: string,
  outputType: 'json' | 'err-long',
): Promise<{ code: number | null; stdout: string }> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [DEPCRUISE, 'src', '--config', CONFIG, '--output-type', outputType],
      { cwd, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout) => {
        if (error && typeof error.code !== 'number') reject(error);
        else resolve({ code: error ? (error.code as number) : 0, stdout });
      },
    );
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lint-probes-'));
  writeTree(dir);
  const [json, text] = await Promise.all([
    runDepcruise(dir, 'json'),
    runDepcruise(dir, 'err-long'),
  ]);
  errLong = text;
  const report = JSON.parse(json.stdout) as { summary: { violations: Violation[] } };
  violations = report.summary.violations;
  // Two child processes that parse TypeScript: generous room on a loaded 2-core CI machine.
}, 180_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const reportedFor = (file: string) => violations.filter((v) => v.from === file);

describe('import rules (dependency-cruiser)', () => {
  it('fails the lint command, naming the rule and saying why', () => {
    expect(errLong.code).toBe(violations.length);
    expect(errLong.code).toBeGreaterThan(0);
    expect(errLong.stdout).toContain(
      'error platform-folder-imports-lower-layers-only: src/platforms/discord/bad.ts → src/platforms/slack/start.ts',
    );
    expect(errLong.stdout).toContain('never imports another platform folder');
  });

  it.each(BAD_PROBES.map((p) => [p.rule, p.file] as const))('reports %s for %s', (rule, file) => {
    expect(reportedFor(file).map((v) => v.rule.name)).toContain(rule);
  });

  it.each(CLEAN_PROBES.map((p) => [p.file] as const))('reports nothing for %s', (file) => {
    expect(reportedFor(file)).toEqual([]);
  });

  it('reports nothing for the import targets themselves', () => {
    const probeFiles = new Set(BAD_PROBES.map((p) => p.file));
    const targets = PROBE_TARGETS.filter((t) => !probeFiles.has(t));
    expect(violations.filter((v) => targets.includes(v.from))).toEqual([]);
  });

  it('has a breaking probe for every rule in the config', async () => {
    const config = (await import(pathToFileURL(CONFIG).href)) as {
      default: { forbidden: { name: string }[] };
    };
    const probed = new Set(BAD_PROBES.map((p) => p.rule));
    const unprobed = config.default.forbidden.map((r) => r.name).filter((n) => !probed.has(n));
    expect(unprobed).toEqual([]);
  });
});
