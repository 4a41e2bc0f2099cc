// udp-echo-server entry point: checks the runtime, turns SIGINT/SIGTERM into a clean stop, and
// hands the arguments to the CLI; its result becomes the exit code.

import { assertSupportedNode } from '@mths/runtime';
import { runServerCli } from './cli';

assertSupportedNode();

const shutdown = new AbortController();
const onSignal = (): void => shutdown.abort();
process.once('SIGINT', onSignal);
process.once('SIGTERM', onSignal);

runServerCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, signal: shutdown.signal }).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
