// Validating config/ in a worker thread that exits afterwards, for the long-running process
// (`briefing run`) on a start whose validated-config cache missed (the first start, or after an
// edit of config/). Validation loads the YAML parser, every zod schema and the regex analysers
// (refa, scslre: ~2 MB of source alone); modules cannot be unloaded, so validated on the main
// thread they stayed in the idle bot's heap for good (issue 17: about 8 MB of idle RSS more than a
// restart). The worker validates and writes the cache (config-cache.ts); the main thread then
// reads the cache as on any restart. If the worker finds the configuration invalid, or cannot
// run, the caller validates on its own thread as before, so every error is exactly the usual one.
import { Worker } from 'node:worker_threads';

/**
 * Validates config folder `dir` in a worker that writes `cacheFile`; true once it exited having
 * cached a valid configuration. Only for the compiled build: from the TypeScript sources (tsx)
 * a worker has no loader, so this answers false and the caller validates in-thread.
 */
export function validateInWorker(dir: string, cacheFile: string): Promise<boolean> {
  if (!import.meta.url.endsWith('.js')) return Promise.resolve(false);
  return new Promise((resolve) => {
    let cached = false;
    let worker: Worker;
    try {
      worker = new Worker(new URL('./validate-config-worker.js', import.meta.url), {
        workerData: { dir, cacheFile },
      });
    } catch {
      resolve(false);
      return;
    }
    worker.on('message', (message) => {
      cached = message === 'cached';
    });
    worker.on('error', () => undefined); // then 'exit' follows: validate in-thread
    worker.once('exit', () => resolve(cached));
  });
}
