// Runs the real `briefing` CLI (src/bin/briefing.mjs) as a child process for the reliability
// tests: one-shot commands to completion, or a long-running `run` whose output can be awaited line
// by line. Also builds a throw-away config folder (the repository's themes and organisations,
// with sources and settings given by the test) and environment (temp database and digests).
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from './kill-world.js';

const BIN = join(REPO_ROOT, 'src', 'bin', 'briefing.mjs');

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface TempSetup {
  dir: string;
  configDir: string;
  databasePath: string;
  /** DATABASE_PATH, BRIEFING_CONFIG_DIR, DIGESTS_DIR and PATH/HOME; add tokens as needed. */
  env: NodeJS.ProcessEnv;
  remove(): void;
}

export function createTempSetup(
  init: { sourcesYaml?: string; settingsYaml?: string } = {},
): TempSetup {
  const dir = mkdtempSync(join(tmpdir(), 'briefing-rel-'));
  const configDir = join(dir, 'config');
  mkdirSync(configDir);
  for (const file of ['themes.yaml', 'organisations.yaml', 'sources.yaml', 'settings.yaml']) {
    cpSync(join(REPO_ROOT, 'config', file), join(configDir, file));
  }
  if (init.sourcesYaml !== undefined)
    writeFileSync(join(configDir, 'sources.yaml'), init.sourcesYaml);
  if (init.settingsYaml !== undefined)
    writeFileSync(join(configDir, 'settings.yaml'), init.settingsYaml);
  const databasePath = join(dir, 'briefing.db');
  return {
    dir,
    configDir,
    databasePath,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      TMPDIR: process.env.TMPDIR,
      DATABASE_PATH: databasePath,
      BRIEFING_CONFIG_DIR: configDir,
      DIGESTS_DIR: join(dir, 'digests'),
      LOG_LEVEL: 'warn',
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** One loopback feed source per URL, polled every `minutes`. */
export function sourcesYaml(urls: Record<string, string>, minutes = 30): string {
  return `sources:\n${Object.entries(urls)
    .map(
      ([id, url]) =>
        `  - id: ${id}\n    name: Source ${id}\n    kind: feed\n    url: ${JSON.stringify(url)}\n    pollIntervalMinutes: ${minutes}\n`,
    )
    .join('')}`;
}

export function runCli(args: string[], env: NodeJS.ProcessEnv, input?: string): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: REPO_ROOT,
      env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
    child.stdin.on('error', () => undefined);
    child.stdin.end(input ?? '');
  });
}

export interface LongRunning {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves when stdout contains `text` (rejects if the process exits first). */
  waitFor(text: string): Promise<void>;
  exited: Promise<CliResult>;
}

export function startCli(
  args: string[],
  env: NodeJS.ProcessEnv,
  nodeArgs: string[] = [],
): LongRunning {
  const child = spawn(process.execPath, [...nodeArgs, BIN, ...args], {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  let closed = false;
  const waiters: { text: string; resolve: () => void; reject: (e: Error) => void }[] = [];
  const settle = (): void => {
    for (const w of [...waiters]) {
      if (stdout.includes(w.text)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve();
      }
    }
  };
  child.stdout!.on('data', (c: Buffer) => {
    stdout += c.toString('utf8');
    settle();
  });
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
  const exited = new Promise<CliResult>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      closed = true;
      for (const w of waiters.splice(0))
        w.reject(new Error(`exited (${code ?? signal}) before "${w.text}": ${stdout}${stderr}`));
      resolve({ code, signal, stdout, stderr });
    });
  });
  return {
    child,
    stdout: () => stdout,
    stderr: () => stderr,
    exited,
    waitFor: (text) =>
      new Promise<void>((resolve, reject) => {
        if (closed && !stdout.includes(text)) {
          reject(new Error(`exited before "${text}": ${stdout}${stderr}`));
          return;
        }
        waiters.push({ text, resolve, reject });
        settle();
      }),
  };
}
