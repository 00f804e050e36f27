// The heap flags and environment the long-running process is documented and started with are one
// list each.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RUN_ENV, RUN_NODE_FLAGS } from '../../src/bin/runtime-node-flags.js';

const root = new URL('../..', import.meta.url);

describe('RUN_NODE_FLAGS', () => {
  it('is what `npm start` passes to node', () => {
    const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as {
      scripts: Record<string, string>;
    };
    const env = Object.entries(RUN_ENV).map(([name, value]) => `${name}=${value} `);
    expect(pkg.scripts.start).toBe(
      `${env.join('')}node ${RUN_NODE_FLAGS.join(' ')} src/bin/briefing.mjs run`,
    );
  });

  it('is what the README systemd unit passes to node', () => {
    const readme = readFileSync(new URL('README.md', root), 'utf8');
    expect(readme).toContain(
      `ExecStart=/usr/bin/node ${RUN_NODE_FLAGS.join(' ')} src/bin/briefing.mjs run`,
    );
    for (const [name, value] of Object.entries(RUN_ENV)) {
      expect(readme).toContain(`Environment=${name}=${value}\n`);
    }
  });
});
