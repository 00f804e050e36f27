// Bundles a parse worker's task module (TypeScript, with its imports) into one plain ES module
// with esbuild, once per process, so each worker loads plain JavaScript: registering tsx inside a
// worker starts a module-hooks thread and compiles every file again, about 46 MB per worker
// against about 12 MB for the bundle (measured with one worker; README "Performance"). esbuild
// is the compiler tsx itself runs on, so nothing new is needed at run time. The bundle goes to
// the temp folder, one file per process (removed at exit); require() of
// Node built-ins inside bundled CommonJS packages (rss-parser, iconv-lite) needs the
// createRequire banner (esbuild docs, "format: esm" with "platform: node"). Any failure returns
// null: the worker then falls back to tsx (parse-worker-entry.mjs).
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const bundles = new Map<string, Promise<URL | null>>();

let made = 0;

async function bundle(taskModule: URL): Promise<URL | null> {
  // esbuild writes the file itself (write: true): the 4 MB of JavaScript never passes through
  // this process's heap. One file per process and task module, removed when the process exits.
  const path = join(tmpdir(), `nhs-briefing-bot-parse-worker-${process.pid}-${made++}.mjs`);
  try {
    await build({
      entryPoints: [fileURLToPath(taskModule)],
      outfile: path,
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
    process.once('exit', () => rmSync(path, { force: true }));
    return pathToFileURL(path);
  } catch {
    return null;
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
