// The Slack platform loads Bolt's App without Bolt's package index, which would also load
// ExpressReceiver and Express (about 4 MB of the idle bot's RSS; issue 17). A fresh node process
// (so nothing loaded earlier counts) imports the Slack runtime, builds the app in Socket Mode and
// in HTTP mode (Bolt builds its receiver in the constructor) and lists the CommonJS modules it
// loaded; the app's behaviour itself is covered by the other tests in this folder.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

const PROBE = `
import { createRequire } from 'node:module';
const { slackRuntime } = await import('./src/platforms/slack/runtime.ts');
const { createSlackApp } = await import('./src/platforms/slack/app.ts');
const { createLogger } = await import('./src/logging.ts');
const logger = createLogger('silent');
const base = { botToken: 'xoxb-test', commandName: '/briefing', deps: {}, logger };
const socket = createSlackApp({ ...base, socketMode: true, appToken: 'xapp-test' });
const http = createSlackApp({ ...base, socketMode: false, signingSecret: 'secret' });
const loaded = Object.keys(createRequire(import.meta.url).cache);
console.log(JSON.stringify({
  runtime: typeof slackRuntime.start,
  apps: [socket.app.constructor.name, http.app.constructor.name],
  loaded,
}));
`;

interface ProbeResult {
  runtime: string;
  apps: string[];
  loaded: string[];
}

function runProbe(): ProbeResult {
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', '--input-type=module', '-e', PROBE],
    { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
  );
  return JSON.parse(out.trim().split('\n').pop()!) as ProbeResult;
}

describe('the Slack platform without Express', () => {
  it('builds Bolt apps in both modes without loading Express or Bolt’s index', () => {
    const probe = runProbe();
    expect(probe.runtime).toBe('function');
    expect(probe.apps).toEqual(['App', 'App']);
    // The probe did load Bolt (so an empty list cannot pass) ...
    expect(probe.loaded.some((path) => path.includes('/@slack/bolt/dist/App.js'))).toBe(true);
    // ... but neither the index nor Express and its middleware.
    const unwanted = probe.loaded.filter((path) =>
      /\/node_modules\/(express|body-parser|send|router)\/|\/@slack\/bolt\/dist\/index\.js$/.test(
        path,
      ),
    );
    expect(unwanted).toEqual([]);
  });
});
