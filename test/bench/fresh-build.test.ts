// The cold-start and idle-memory benches measure the compiled build: a stale or missing dist/ is
// rebuilt (by the project's .config/build.mjs, a stand-in here that records it ran and stamps the
// build the way the real one does), and a failed or still-stale build is refused with its reason.
import { existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ensureFreshBuild } from './fresh-build.js';

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

/** A stand-in build: stamps the newest source time (plus `skewMs`), or fails when asked. */
function buildScript(mode: 'stamps' | 'fails' | 'stamps-too-old'): string {
  if (mode === 'fails')
    return `process.stderr.write('build: esbuild said no\\n'); process.exit(1);`;
  const skew = mode === 'stamps-too-old' ? -60_000 : 0;
  return `import { mkdirSync, statSync, writeFileSync } from 'node:fs';
mkdirSync('dist', { recursive: true });
writeFileSync('dist/ran', '');
const newest = statSync('src/cli.ts').mtimeMs + (${skew});
writeFileSync('dist/.build-stamp', JSON.stringify({ newestSourceMs: newest }));
`;
}

function project(options: {
  build: 'stamps' | 'fails' | 'stamps-too-old';
  /** The existing build's stamp, relative to the source's time; absent: no dist/. */
  stampOffsetMs?: number;
}): string {
  const root = mkdtempSync(join(tmpdir(), 'briefing-fresh-build-'));
  roots.push(root);
  mkdirSync(join(root, 'src'));
  mkdirSync(join(root, '.config'));
  writeFileSync(join(root, 'src', 'cli.ts'), '');
  utimesSync(join(root, 'src', 'cli.ts'), 2_000_000, 2_000_000);
  writeFileSync(join(root, '.config', 'build.mjs'), buildScript(options.build));
  if (options.stampOffsetMs !== undefined) {
    mkdirSync(join(root, 'dist'));
    const stamp = 2_000_000_000 + options.stampOffsetMs;
    writeFileSync(join(root, 'dist', '.build-stamp'), JSON.stringify({ newestSourceMs: stamp }));
  }
  return root;
}

describe('ensureFreshBuild', () => {
  it('leaves a build as new as the sources alone', () => {
    const root = project({ build: 'stamps', stampOffsetMs: 0 });
    expect(ensureFreshBuild(root)).toEqual({ ready: true, rebuilt: false });
    expect(existsSync(join(root, 'dist', 'ran'))).toBe(false);
  });

  it('rebuilds a build older than the sources', () => {
    const root = project({ build: 'stamps', stampOffsetMs: -1000 });
    expect(ensureFreshBuild(root)).toEqual({ ready: true, rebuilt: true });
    expect(existsSync(join(root, 'dist', 'ran'))).toBe(true);
  });

  it('builds when there is no build yet', () => {
    const root = project({ build: 'stamps' });
    expect(ensureFreshBuild(root)).toEqual({ ready: true, rebuilt: true });
  });

  it('refuses, with the build’s own words, when rebuilding fails', () => {
    const result = ensureFreshBuild(project({ build: 'fails', stampOffsetMs: -1000 }));
    expect(result.ready).toBe(false);
    expect(!result.ready && result.reason).toMatch(/older than src.*exit 1.*esbuild said no/);
  });

  it('refuses when the launcher would still run the sources after a build', () => {
    const result = ensureFreshBuild(project({ build: 'stamps-too-old', stampOffsetMs: -1000 }));
    expect(result.ready).toBe(false);
    expect(!result.ready && result.reason).toMatch(/still older than src/);
  });
});
