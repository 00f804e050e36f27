// Whether the launcher runs the compiled build in dist/ or the TypeScript sources (briefing.mjs).
// Plain JavaScript: it runs before any TypeScript loader exists.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Whether any file under `dir` was modified after `stampMs`. A plain walk with one stat per file,
 * stopping at the first newer file: readdirSync's `recursive` option plus path.join per entry cost
 * about three times as much CPU (~15 ms for src/ on every command; issue 17, cold start).
 */
function hasFileNewerThan(dir, stampMs) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) {
      if (hasFileNewerThan(path, stampMs)) return true;
    } else if (entry.isFile() && statSync(path).mtimeMs > stampMs) {
      return true;
    }
  }
  return false;
}

/**
 * 'dist' when dist/ holds a build at least as new as every file under src/ (or src/ is absent,
 * as in the container image, which ships only the build); 'src' otherwise, or when
 * BRIEFING_FROM_SOURCE=1. Scanning src/ costs a few milliseconds; running stale code costs more.
 */
export function chooseBuild(root, env = process.env) {
  if (env.BRIEFING_FROM_SOURCE === '1') return 'src';
  const stampPath = join(root, 'dist', '.build-stamp');
  if (!existsSync(stampPath)) return 'src';
  if (!existsSync(join(root, 'src', 'cli.ts'))) return 'dist';
  try {
    const stamp = JSON.parse(readFileSync(stampPath, 'utf8'));
    if (typeof stamp?.newestSourceMs !== 'number') return 'src';
    return hasFileNewerThan(join(root, 'src'), stamp.newestSourceMs) ? 'src' : 'dist';
  } catch {
    return 'src';
  }
}
