// Runs `briefing` in-process with captured streams (the CLI's own main()).
import { PassThrough } from 'node:stream';
import { main } from '../../src/cli.js';

function capture() {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (c: Buffer) => (text += c.toString('utf8')));
  return { stream, text: () => text };
}

export async function runCli(argv: string[], env: NodeJS.ProcessEnv = {}) {
  const out = capture();
  const err = capture();
  const code = await main(
    argv,
    { stdout: out.stream, stderr: err.stream },
    { LOG_LEVEL: 'silent', ...env },
  );
  return { code, stdout: out.text(), stderr: err.text() };
}
