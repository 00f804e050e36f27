// Bundles a parse worker's task module (TypeScript, with its imports) into one plain ES module
// with esbuild, once per process, so each worker loads plain JavaScript: registering tsx inside a
// worker starts a module-hooks thread and compiles every file again, about 46 MB of RSS per
// worker against about 28 MB with the bundle (measured with one worker on this code). esbuild is
// the compiler tsx itself runs on, so nothing new is needed at run time. The bundle goes to the
// temp folder under a name from its content hash (shared by every process running the same
// code). require() of Node built-ins inside bundled CommonJS packages (rss-parser, iconv-lite)
// needs the createRequire banner (esbuild docs: "format: esm" with "platform: node"). Any
// failure returns null: the worker then falls back to tsx (parse-worker-entry.mjs).
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, stop } from 'esbuild';

const bundles = new Map<string, Promise<URL | null>>();

let made = 0;
let building = 0;

/**
 * Ends esbuild's service process once no bundle is being built: its JavaScript API keeps a child
 * process (the esbuild binary) running until stop() (esbuild's `stop` docs), and beside the idle
 * bot it held about 88 MB of RSS for the rest of the process's life (issue 17, idle memory). A
 * later build starts it again.
 */
async function stopServiceWhenIdle(): Promise<void> {
  if (building === 0) await stop().catch(() => undefined);
}

async function bundle(taskModule: URL): Promise<URL | null> {
  // esbuild writes the file itself (write: true), so the 4 MB of JavaScript never sits in this
  // process's heap; the file is then renamed after a hash of its content, so every process
  // running the same code shares one file and a killed process leaves nothing behind.
  const partial = join(tmpdir(), `nhs-briefing-bot-parse-worker-${process.pid}-${made++}.tmp`);
  building++;
  try {
    await build({
      entryPoints: [fileURLToPath(taskModule)],
      outfile: partial,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      write: true,
      logLevel: 'silent',
      banner: {
        js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
      },
    });
    const hash = createHash('sha256').update(readFileSync(partial)).digest('hex').slice(0, 16);
    const path = join(tmpdir(), `nhs-briefing-bot-parse-worker-${hash}.mjs`);
    renameSync(partial, path); // atomic: a worker never loads a half-written file
    return pathToFileURL(path);
  } catch {
    rmSync(partial, { force: true });
    return null;
  } finally {
    building--;
    await stopServiceWhenIdle();
  }
}

/** The bundled module's URL, or null when bundling failed (the worker then uses tsx). */
export function bundleTaskModule(taskModule: URL): Promise<URL | null> {
  let pending = bundles.get(taskModule.href);
  if (!pending) {
    pending = bundle(taskModule);
    bundles.set(taskModule.href, pending);
  }
  return pending;
}
