#!/usr/bin/env node
// Launcher for the `briefing` CLI. The project runs from its TypeScript sources through tsx,
// so a fresh clone needs no build step: `npm ci && npx briefing --help` works.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../cli.ts');
process.exitCode = await main(process.argv.slice(2));
