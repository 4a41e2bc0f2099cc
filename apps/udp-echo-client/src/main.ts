// udp-echo-client entry point: checks the runtime, wires process streams, signals and the
// prompt (inquirer on a terminal, plain lines from a pipe) into the CLI, and sets the exit code.

import { input } from '@inquirer/prompts';
import { assertSupportedNode } from '@mths/runtime';
import { runClientCli } from './cli';
import { linePrompt } from './line-prompt';
import type { PromptFn } from './repl';

assertSupportedNode();

const shutdown = new AbortController();
const onSignal = (): void => {
  // A second Ctrl+C means "now": do not wait for outstanding probes to time out.
  if (shutdown.signal.aborted) process.exit(1);
  shutdown.abort();
};
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);

// Created on first use only: ping mode must not start reading stdin.
let piped: ReturnType<typeof linePrompt> | undefined;
const prompt: PromptFn = process.stdin.isTTY
  ? (message) => input({ message }, { signal: shutdown.signal })
  : (message) => {
      piped ??= linePrompt(process.stdin, shutdown.signal);
      return piped.prompt(message);
    };

runClientCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, signal: shutdown.signal, prompt })
  .then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  )
  .finally(() => {
    piped?.close();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  });
