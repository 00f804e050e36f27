#!/usr/bin/env node
// Launcher for the `briefing` CLI. The project runs from its TypeScript sources through tsx,
// so a fresh clone needs no build step: `npm ci && npx briefing --help` works.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../cli.ts');
process.exitCode = await main(process.argv.slice(2));
// Safety net: if a library leaves a socket or timer open after a clean stop, exit anyway once
// output has had time to flush. The timer is unref'd, so it never delays a normal exit.
setTimeout(() => process.exit(), 2000).unref();
