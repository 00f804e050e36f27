// The launcher runs dist/ only when the build is at least as new as every source file.
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
// @ts-expect-error: plain JavaScript module without types (it runs before any loader).
import { chooseBuild } from '../../src/bin/choose-build.mjs';

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

function project(options: { src: boolean; stampMs?: number; sourceMs?: number }): string {
  const root = mkdtempSync(join(tmpdir(), 'briefing-launch-'));
  roots.push(root);
  if (options.src) {
    mkdirSync(join(root, 'src', 'store'), { recursive: true });
    writeFileSync(join(root, 'src', 'cli.ts'), '');
    const deep = join(root, 'src', 'store', 'search.ts');
    writeFileSync(deep, '');
    const seconds = (options.sourceMs ?? 1_000_000) / 1000;
    utimesSync(join(root, 'src', 'cli.ts'), 1000, 1000);
    utimesSync(deep, seconds, seconds);
  }
  if (options.stampMs !== undefined) {
    mkdirSync(join(root, 'dist'));
    writeFileSync(
      join(root, 'dist', '.build-stamp'),
      JSON.stringify({ newestSourceMs: options.stampMs }),
    );
  }
  return root;
}

describe('chooseBuild', () => {
  it('uses the build when it is as new as the newest source, even one folder down', () => {
    expect(chooseBuild(project({ src: true, stampMs: 1_000_000, sourceMs: 1_000_000 }), {})).toBe(
      'dist',
    );
    expect(chooseBuild(project({ src: true, stampMs: 1_000_000, sourceMs: 2_000_000 }), {})).toBe(
      'src',
    );
  });

  it('uses the sources without a build, or when asked', () => {
    expect(chooseBuild(project({ src: true }), {})).toBe('src');
    const fresh = project({ src: true, stampMs: 1_000_000, sourceMs: 1_000_000 });
    expect(chooseBuild(fresh, { BRIEFING_FROM_SOURCE: '1' })).toBe('src');
  });

  it('uses the build when only the build was shipped (the container image)', () => {
    expect(chooseBuild(project({ src: false, stampMs: 1 }), {})).toBe('dist');
  });
});
