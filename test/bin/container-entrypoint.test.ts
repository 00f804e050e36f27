// The container image without Docker (there is no daemon here): the Dockerfile's promises are
// checked as text, and the entrypoint script runs against the image's file layout built in a
// temp folder (compiled dist/, the launcher, config/, no TypeScript sources), so what `docker
// run` would execute is executed.
import { execFileSync, spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RUN_ENV, RUN_NODE_FLAGS } from '../../src/bin/runtime-node-flags.js';

const DOCKERFILE = readFileSync('Dockerfile', 'utf8');
const ENTRYPOINT = 'src/bin/container-entrypoint.sh';
const image = mkdtempSync(join(tmpdir(), 'briefing-image-'));

beforeAll(() => {
  // The run stage's COPY lines, reproduced: dist (built here), launcher, config, package.json.
  execFileSync(process.execPath, ['.config/build.mjs', '--out', join(image, 'dist')]);
  mkdirSync(join(image, 'src', 'bin'), { recursive: true });
  for (const file of ['briefing.mjs', 'choose-build.mjs', 'container-entrypoint.sh']) {
    cpSync(join('src/bin', file), join(image, 'src/bin', file));
  }
  cpSync('config', join(image, 'config'), { recursive: true });
  cpSync('package.json', join(image, 'package.json'));
  symlinkSync(join(process.cwd(), 'node_modules'), join(image, 'node_modules'), 'dir');
}, 60_000);
afterAll(() => rmSync(image, { recursive: true, force: true }));

function entrypoint(args: string[], env: Record<string, string>) {
  return spawnSync('sh', [join(image, ENTRYPOINT), ...args], {
    cwd: image,
    env: {
      PATH: process.env.PATH ?? '',
      LOG_LEVEL: 'silent',
      BRIEFING_CONFIG_DIR: join(image, 'config'),
      ...env,
    },
    encoding: 'utf8',
  });
}

describe('Dockerfile', () => {
  it('is multi-stage on Node 20 slim, non-root, with volumes and a health check on /healthz', () => {
    expect(DOCKERFILE.match(/^FROM node:20-bookworm-slim/gm)).toHaveLength(2);
    expect(DOCKERFILE).toMatch(/^USER node$/m);
    expect(DOCKERFILE).toMatch(/^VOLUME \["\/data", "\/digests"\]$/m);
    expect(DOCKERFILE).toMatch(/^HEALTHCHECK [^\n]*\\\n\s+CMD node -e .*\/healthz/m);
    expect(DOCKERFILE).toContain(`ENTRYPOINT ["/app/${ENTRYPOINT}"]`);
  });

  it('copies only files that exist in the repository', () => {
    const sources = [...DOCKERFILE.matchAll(/^COPY (?!--from)(.+) \S+$/gm)].flatMap((m) =>
      m[1]!.split(' '),
    );
    expect(sources.length).toBeGreaterThan(3);
    for (const source of sources) expect(existsSync(source), source).toBe(true);
  });
});

describe('container entrypoint', () => {
  it('passes the heap flags and environment npm start uses', () => {
    const script = readFileSync(ENTRYPOINT, 'utf8');
    expect(script).toContain(`exec node ${RUN_NODE_FLAGS.join(' ')} "$here/briefing.mjs" "$@"`);
    for (const [name, value] of Object.entries(RUN_ENV)) {
      expect(script).toContain(`export ${name}="\${${name}:-${value}}"`);
    }
  });

  it('runs the compiled build when only dist/ is shipped', () => {
    const run = entrypoint(['sources', '--json'], {
      DATABASE_PATH: join(image, 'data', 'briefing.db'),
      DIGESTS_DIR: join(image, 'digests'),
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(
      expect.arrayContaining([expect.objectContaining({ sourceId: 'nhse-news' })]),
    );
    expect(existsSync(join(image, 'data', 'briefing.db'))).toBe(true);
  });

  it('gives a broken configuration the same messages compiled as from the sources', () => {
    // dist/vendor/zod.js holds only the zod members the compiled code uses (.config/build.mjs):
    // the schemas' error messages must not change with it.
    const broken = join(image, 'broken-config');
    cpSync('config', broken, { recursive: true });
    const sources = readFileSync(join(broken, 'sources.yaml'), 'utf8');
    writeFileSync(
      join(broken, 'sources.yaml'),
      sources.replace(/authority: [\d.]+/, 'authority: 7'),
    );
    const base = {
      DATABASE_PATH: join(image, 'data', 'broken.db'),
      DIGESTS_DIR: join(image, 'digests'),
    };
    const cases = [
      { env: { ...base, BRIEFING_CONFIG_DIR: broken }, says: 'authority: Too big' },
      { env: { ...base, PORT: 'not-a-port' }, says: 'env PORT: Invalid input: expected number' },
    ];
    for (const { env, says } of cases) {
      const compiled = entrypoint(['sources', '--json'], env);
      const fromSource = spawnSync(process.execPath, ['src/bin/briefing.mjs', 'sources'], {
        env: {
          PATH: process.env.PATH ?? '',
          LOG_LEVEL: 'silent',
          BRIEFING_FROM_SOURCE: '1',
          BRIEFING_CONFIG_DIR: join(image, 'config'),
          ...env,
        },
        encoding: 'utf8',
      });
      expect(compiled.stderr).toContain(says);
      expect(compiled.status).toBe(fromSource.status);
      expect(compiled.stderr).toBe(fromSource.stderr);
    }
  });

  it('validates a changed config/ for `run` in a worker that caches it (compiled build only)', async () => {
    // src/config/validate-apart.ts: the long-running process must not keep the validators loaded.
    const apart = (await import(join(image, 'dist/config/validate-apart.js'))) as {
      validateInWorker(dir: string, cacheFile: string): Promise<boolean>;
    };
    const cacheFile = join(image, 'apart', 'config-cache.json');
    expect(await apart.validateInWorker(join(image, 'config'), cacheFile)).toBe(true);
    expect(JSON.parse(readFileSync(cacheFile, 'utf8'))).toMatchObject({
      config: { sources: expect.arrayContaining([expect.objectContaining({ id: 'nhse-news' })]) },
    });
    const broken = join(image, 'apart-broken');
    cpSync('config', broken, { recursive: true });
    writeFileSync(join(broken, 'themes.yaml'), 'themes: [');
    const brokenCache = join(image, 'apart-broken-data', 'config-cache.json');
    expect(await apart.validateInWorker(broken, brokenCache)).toBe(false);
    expect(existsSync(brokenCache)).toBe(false);
  });

  it('explains an unwritable volume before node starts', () => {
    const blocker = join(image, 'not-a-folder');
    writeFileSync(blocker, '');
    const run = entrypoint(['--help'], {
      DATABASE_PATH: join(image, 'data', 'b.db'),
      DIGESTS_DIR: join(blocker, 'digests'),
    });
    expect(run.status).toBe(78);
    expect(run.stderr).toContain(`briefing: ${join(blocker, 'digests')} is not writable by user`);
  });
});
