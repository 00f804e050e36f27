#!/usr/bin/env node
// Launcher for the `briefing` CLI. It runs the compiled JavaScript in dist/ (built by `npm ci`
// through the `prepare` script, or `npm run build`) when that build is at least as new as every
// file under src/; otherwise (a source edited since, or no build yet) it runs the TypeScript
// sources through tsx, so a developer never runs stale code (choose-build.mjs). Compiled, a
// command no longer spends its start transpiling every module. BRIEFING_FROM_SOURCE=1 forces the
// sources.
import { fileURLToPath } from 'node:url';
import { chooseBuild } from './choose-build.mjs';

let main;
if (chooseBuild(fileURLToPath(new URL('../..', import.meta.url))) === 'dist') {
  ({ main } = await import(new URL('../../dist/cli.js', import.meta.url).href));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../cli.ts'));
}
process.exitCode = await main(process.argv.slice(2));
// Safety net: if a library leaves a socket or timer open after a clean stop, exit anyway once
// output has had time to flush. The timer is unref'd, so it never delays a normal exit.
setTimeout(() => process.exit(), 2000).unref();
