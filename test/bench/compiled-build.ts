// Compiles src/ (with .config/build.mjs, as `npm run build` makes dist/) and a few bench modules
// (file by file, esbuild, no bundling) into a fresh folder, so a bench child can run the code
// the way the bot is deployed: plain JavaScript, no TypeScript loader. Why: under `--import tsx`
// node 20 runs tsx's module hooks on a thread of their own, and tsx keeps every transpiled
// module, about 30 MB of RSS the deployed bot never has (measured: `node --import tsx -e 0`
// 73 MB vs `node -e 0` 39 MB; the poll child 206 MB vs 176 MB on the same 100 sources).
// The folder sits under node_modules/.cache/ so the compiled modules resolve the project's
// packages (node walks up to <root>/node_modules) and git and the linters ignore it; each build
// has a folder of its own (two benches at once do not clobber each other) and is removed after.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const BENCH = join(ROOT, 'test', 'bench');

export interface CompiledBuild {
  /** file URL of a compiled bench module, by its source file name (e.g. 'poll-child.ts'). */
  benchModule(name: string): string;
  /** Path of the compiled measure.js: the child runner (runInChild's `runner`). */
  runner: string;
  remove(): void;
}

/**
 * Builds src/ and `benchFiles` (names in test/bench/, which may import src/ and each other, not
 * test helpers elsewhere); measure.ts is always included as the child runner.
 */
export async function buildCompiled(benchFiles: readonly string[]): Promise<CompiledBuild> {
  const cache = join(ROOT, 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  const dir = mkdtempSync(join(cache, 'briefing-bench-build-'));
  const remove = (): void => rmSync(dir, { recursive: true, force: true });
  try {
    const made = spawnSync(
      process.execPath,
      [join(ROOT, '.config', 'build.mjs'), '--out', join(dir, 'src')],
      { encoding: 'utf8' },
    );
    if (made.status !== 0) {
      throw new Error(`bench: building src/ failed (${made.status}): ${made.stderr.trim()}`);
    }
    const names = [...new Set(['measure.ts', ...benchFiles])];
    await build({
      entryPoints: names.map((name) => join(BENCH, name)),
      outdir: join(dir, 'test', 'bench'),
      bundle: false,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      logLevel: 'warning',
    });
  } catch (error) {
    remove();
    throw error;
  }
  const compiled = (name: string): string =>
    join(dir, 'test', 'bench', basename(name).replace(/\.ts$/, '.js'));
  return {
    benchModule: (name) => pathToFileURL(compiled(name)).href,
    runner: compiled('measure.ts'),
    remove,
  };
}
