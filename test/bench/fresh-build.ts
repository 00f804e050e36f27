// Makes sure the benches that run `briefing` as a user does (cold-start.ts, idle-rss.ts) measure
// the compiled build. The launcher (src/bin/briefing.mjs) quietly runs the TypeScript sources
// through tsx when dist/ is older than any file under src/ (choose-build.mjs), which is right for
// a developer but made a bench after an edit measure the wrong process: the 2026-12-03 evening run
// first reported the tsx path's cold start and ~30 MB more idle memory. So: when dist/ is missing
// or stale, rebuild it (`node .config/build.mjs`, as `npm run build` does); when that fails or
// the build is still not chosen, refuse with the reason instead of measuring the sources.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
// @ts-expect-error: plain JavaScript module without types (it runs before any loader).
import { chooseBuild as chooseBuildUntyped } from '../../src/bin/choose-build.mjs';

const chooseBuild = chooseBuildUntyped as (
  root: string,
  env: Record<string, string | undefined>,
) => 'dist' | 'src';

export type FreshBuild = { ready: true; rebuilt: boolean } | { ready: false; reason: string };

/**
 * Ensures `root`'s dist/ is what the launcher runs: rebuilds it when it is missing or older than
 * src/. The launcher is asked with an environment without BRIEFING_FROM_SOURCE (the benches'
 * children run without it).
 */
export function ensureFreshBuild(root: string): FreshBuild {
  if (chooseBuild(root, {}) === 'dist') return { ready: true, rebuilt: false };
  const build = spawnSync(process.execPath, [join(root, '.config', 'build.mjs')], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (build.status !== 0) {
    const detail = (build.stderr || build.stdout || '').trim().split('\n').slice(-3).join(' | ');
    return {
      ready: false,
      reason: `dist/ is missing or older than src/, and rebuilding it failed (exit ${build.status}): ${detail}`,
    };
  }
  if (chooseBuild(root, {}) !== 'dist') {
    return {
      ready: false,
      reason:
        'dist/ is still older than src/ after rebuilding (a file under src/ has a modification time in the future?); the launcher would run the TypeScript sources',
    };
  }
  return { ready: true, rebuilt: true };
}
