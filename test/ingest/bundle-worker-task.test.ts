// Bundling the parse worker's task module (ingest/bundle-worker-task.ts) leaves no esbuild
// service process behind: beside the idle bot it held ~88 MB of RSS for good (issue 17).
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundleTaskModule } from '../../src/ingest/bundle-worker-task.js';

/** Child processes of this process whose command line names esbuild (Linux /proc). */
function esbuildChildren(): number[] {
  const children: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // Field 4 of /proc/<pid>/stat is the parent pid; the command name (field 2) may hold spaces.
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const command = readFileSync(`/proc/${name}/cmdline`, 'utf8');
      if (ppid === process.pid && command.includes('esbuild')) children.push(Number(name));
    } catch {
      // the process ended while we looked
    }
  }
  return children;
}

describe.runIf(process.platform === 'linux')('bundleTaskModule', () => {
  it('bundles the task module and stops the esbuild service afterwards', async () => {
    const bundled = await bundleTaskModule(new URL('./parse-worker-test-task.ts', import.meta.url));
    expect(bundled).not.toBeNull();
    expect(readFileSync(bundled!, 'utf8')).toContain('runTask');
    expect(esbuildChildren()).toEqual([]);
  });
});
