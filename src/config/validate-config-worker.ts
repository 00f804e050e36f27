// The worker validate-apart.ts starts: validates config/ through the usual loader, which writes
// the validated-config cache when the configuration is valid, says whether it did, and exits.
import { parentPort, workerData } from 'node:worker_threads';
import { prepareConfigLoader } from './config-cache.js';

const { dir, cacheFile } = workerData as { dir: string; cacheFile: string };
try {
  (await prepareConfigLoader(dir, cacheFile))();
  parentPort?.postMessage('cached');
} catch {
  parentPort?.postMessage('invalid'); // the main thread validates again and reports the errors
}
