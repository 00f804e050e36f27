// Whether the launcher runs the compiled build in dist/ or the TypeScript sources (briefing.mjs).
// Plain JavaScript: it runs before any TypeScript loader exists.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newestSourceMs(srcDir) {
  let newest = 0;
  for (const entry of readdirSync(srcDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const mtime = statSync(join(entry.parentPath ?? entry.path, entry.name)).mtimeMs;
    if (mtime > newest) newest = mtime;
  }
  return newest;
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
    return newestSourceMs(join(root, 'src')) <= stamp.newestSourceMs ? 'dist' : 'src';
  } catch {
    return 'src';
  }
}
