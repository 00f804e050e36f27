// Without WEB_PORT nothing can read the metrics, so `briefing run` neither counts them nor loads
// prom-client (about 2 MB of the idle bot's heap; issue 17). A fresh node process (so nothing a
// test loaded earlier counts) runs the operations side as main.ts does, with and without a port,
// and lists the CommonJS modules it loaded. /metrics itself is tested in test/web/.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

const PROBE = `
import { createRequire } from 'node:module';
const { createOperations } = await import('./src/cli/start-operations.ts');
const { createLogger } = await import('./src/logging.ts');
const { openDatabase } = await import('./src/store/database.ts');
const { loadConfigOrThrow } = await import('./src/config/load.ts');
const { loadEnv } = await import('./src/config/env.ts');
const loaded = loadEnv(process.argv[1] === 'with-port' ? { WEB_PORT: '0' } : {});
if (!loaded.ok) throw new Error(loaded.errors.join('; '));
const env = loaded.env;
const db = openDatabase(':memory:');
const ops = createOperations({
  env, config: loadConfigOrThrow('config'), db, logger: createLogger('silent'), now: () => new Date(),
});
const url = await ops.startWeb(() => null);
const modules = Object.keys(createRequire(import.meta.url).cache);
await ops.stop();
console.log(JSON.stringify({
  url,
  metrics: ops.metrics === null ? null : typeof ops.metrics.observePoll,
  promClient: modules.some((path) => path.includes('/node_modules/prom-client/')),
}));
`;

function runProbe(mode: 'with-port' | 'without-port'): Record<string, unknown> {
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', '--input-type=module', '-e', PROBE, mode],
    { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
  );
  return JSON.parse(out.trim().split('\n').pop()!) as Record<string, unknown>;
}

describe('the operations side of `briefing run`', () => {
  it('without WEB_PORT: no server, no metrics, prom-client not loaded', () => {
    expect(runProbe('without-port')).toEqual({ url: null, metrics: null, promClient: false });
  });

  it('with WEB_PORT: the server and the metrics it serves', () => {
    const probe = runProbe('with-port');
    expect(probe.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+/);
    expect(probe).toMatchObject({ metrics: 'function', promClient: true });
  });
});
