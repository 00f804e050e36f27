// Entry of each parse worker thread (parse-worker-pool.ts). Plain JavaScript because a worker
// starts without the main thread's module hooks. It loads the task module's plain-JavaScript
// bundle (bundle-worker-task.ts) when there is one; otherwise it registers tsx itself
// (tsx/esm/api, as src/bin/briefing.mjs does) and loads the TypeScript module. It answers each
// { task } message with { type: 'done', value } (and the value's `transfer` list, so buffers
// move rather than copy) or { type: 'error', reason }.
import { parentPort, workerData } from 'node:worker_threads';

let url = workerData.bundled;
if (!url) {
  const { register } = await import('tsx/esm/api');
  register();
  url = workerData.taskModule;
}
const { runTask } = await import(url);

parentPort.on('message', async ({ task }) => {
  try {
    const { value, transfer } = await runTask(task);
    parentPort.postMessage({ type: 'done', value }, transfer ?? []);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    parentPort.postMessage({ type: 'error', reason });
  }
});
parentPort.postMessage({ type: 'ready' });
