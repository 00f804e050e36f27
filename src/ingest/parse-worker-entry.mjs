// Entry of each parse worker thread (parse-worker-pool.ts). Plain JavaScript because a worker
// starts without the main thread's module hooks: it registers tsx itself (tsx/esm/api, as
// src/bin/briefing.mjs does), then loads the task module named in workerData and answers each
// { task } message with { type: 'done', value } (and the value's `transfer` list, so buffers
// move rather than copy) or { type: 'error', reason }.
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { runTask } = await import(workerData.taskModule);

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
