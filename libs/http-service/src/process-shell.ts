// The process-level chores both server apps share: CLI errors as one line + exit code, the
// shutdown signals, the `stats {...}` line, and word of the upload temp files a crash left.
import { removeTempsOfGoneProcesses, removeTempsOfThread } from '@mths/handlers';
import type { SharedCounters } from '@mths/thread-pool';
import { parseServerArgs, type CliSpec } from './cli';
import { CliUsageError } from './cli-values';
import type { ServerConfig } from './config';

export const EXIT_USAGE = 2;
export const EXIT_FAILURE = 1;

/** Parses argv or exits: 0 after --help, 2 with a one-line reason on bad arguments. */
export function configFromArgvOrExit(spec: CliSpec, argv: readonly string[]): ServerConfig {
  try {
    const outcome = parseServerArgs(spec, argv, (text) => process.stdout.write(text));
    if (outcome.kind === 'exit') process.exit(outcome.code);
    return outcome.config;
  } catch (error) {
    if (error instanceof CliUsageError) {
      process.stderr.write(`${spec.name}: ${error.message} (see --help)\n`);
      process.exit(EXIT_USAGE);
    }
    throw error;
  }
}

/** Prints `<name>: <reason>` and exits 1 (a busy port, say). */
export function failAndExit(name: string, error: unknown): never {
  process.stderr.write(`${name}: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(EXIT_FAILURE);
}

/** Runs `stop` once on SIGINT or SIGTERM, then exits 0; a second signal exits at once. */
export function onShutdownSignal(name: string, stop: () => Promise<void>): void {
  let stopping = false;
  const handle = (signal: NodeJS.Signals) => {
    if (stopping) {
      process.stderr.write(`${name}: ${signal} again, exiting without waiting\n`);
      process.exit(EXIT_FAILURE);
    }
    stopping = true;
    process.stderr.write(`${name}: ${signal}, draining\n`);
    stop().then(
      () => process.exit(0),
      (error: unknown) => failAndExit(name, error),
    );
  };
  process.on('SIGINT', handle);
  process.on('SIGTERM', handle);
}

/** `stats {"workers":[{"worker":0,...}],"total":{...}}`: one line a script can parse. */
export function statsLine(counters: SharedCounters): string {
  const workers = [];
  for (let slot = 0; slot < counters.layout.slots; slot++) workers.push({ worker: slot, ...counters.snapshot(slot) });
  return `stats ${JSON.stringify({ workers, total: counters.total() })}\n`;
}

/**
 * At start-up, deletes the upload temp files of processes that no longer run and says so on
 * stderr. Called after listening: a folder of many uploads takes a while to list, and serving
 * need not wait for it.
 */
export function clearUploadsOfGoneProcesses(name: string, dir: string): Promise<void> {
  return reportRemoved(name, dir, removeTempsOfGoneProcesses(dir));
}

/** After a worker thread died: deletes the upload temp files it was writing. */
export function clearUploadsOfDeadThread(name: string, dir: string, threadId: number): Promise<void> {
  return reportRemoved(name, dir, removeTempsOfThread(dir, threadId));
}

// A failure is a warning: it is never a reason to stop serving.
async function reportRemoved(name: string, dir: string, removal: Promise<string[]>): Promise<void> {
  try {
    const removed = await removal;
    if (removed.length > 0) process.stderr.write(`${name}: removed ${removed.length} unfinished upload temp file(s) from ${dir}\n`);
  } catch (error) {
    process.stderr.write(`${name}: could not clear unfinished uploads in ${dir}: ${error instanceof Error ? error.message : String(error)}\n`);
  }
}
