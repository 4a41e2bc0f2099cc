// http-server: the main thread supervises a pool of worker threads; each worker runs the HTTP
// service on its own SO_REUSEPORT listener. The same file is the worker's script.
import { isMainThread } from 'node:worker_threads';
import { assertSupportedNode } from '@mths/runtime';
import { runSupervisor } from './supervisor';
import { runWorker } from './worker';

assertSupportedNode();
if (isMainThread) runSupervisor(process.argv.slice(2), __filename);
else runWorker();
