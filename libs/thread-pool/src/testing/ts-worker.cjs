// Lets a worker thread run a TypeScript file under jest: tsx compiles it on the fly.
// workerData.user.tsFile names the file to run.
const { workerData } = require('node:worker_threads');
require('tsx/cjs/api').register();
require(workerData.user.tsFile);
