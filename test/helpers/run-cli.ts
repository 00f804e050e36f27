// Runs `briefing` in-process (the CLI's own main()) with captured stdout and stderr: the one way
// tests drive the CLI without a child process. Logging is silent unless the test's env says otherwise.
import { PassThrough } from 'node:stream';
import { main } from '../../src/cli.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** A stream that keeps everything written to it, decoded as UTF-8 once at the end. */
export function captureStream() {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

export async function runCli(argv: string[], env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  const out = captureStream();
  const err = captureStream();
  const code = await main(
    argv,
    { stdout: out.stream, stderr: err.stream },
    { LOG_LEVEL: 'silent', ...env },
  );
  return { code, stdout: out.text(), stderr: err.text() };
}
