// Command-line flags of the HTTP bench, parsed once into a frozen options object; a bad flag
// is a BENCH_BAD_OPTION error with a one-line reason (the bench exits 2 on it, like our apps).

import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { BenchError } from './errors';
import { SERVER_KINDS, WORKLOAD_IDS, type ServerKind, type WorkloadId } from './types';

export interface BenchOptions {
  readonly durationS: number;
  readonly warmUpS: number;
  /** Rounds over every cell; each cell reports its median round. */
  readonly repeat: number;
  readonly workloads: readonly WorkloadId[];
  readonly servers: readonly ServerKind[];
  readonly write: boolean;
}

function seconds(text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1 || value > 600) throw new InvalidArgumentError('whole seconds from 1 to 600');
  return value;
}

function rounds(text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1 || value > 9) throw new InvalidArgumentError('a whole number from 1 to 9');
  return value;
}

function listOf<T extends string>(allowed: readonly T[]): (text: string) => T[] {
  return (text) => {
    const items = text.split(',').map((item) => item.trim()).filter((item) => item !== '');
    const wrong = items.filter((item) => !(allowed as readonly string[]).includes(item));
    if (items.length === 0 || wrong.length > 0) throw new InvalidArgumentError(`choose from ${allowed.join(', ')}`);
    // Keep the canonical order whatever order the user typed.
    return allowed.filter((item) => items.includes(item));
  };
}

/** Run with these options, or stop at once with this exit code (after --help). */
export type ParsedArgs = { readonly kind: 'run'; readonly options: BenchOptions } | { readonly kind: 'exit'; readonly code: 0 };

/** Exit code for a bad flag, as our apps use. */
export const BAD_OPTION_EXIT_CODE = 2;

/** Parses the flags after `tsx http-bench.ts`; help text goes to `out`. */
export function parseOptions(argv: readonly string[], out: (text: string) => void): ParsedArgs {
  const program = new Command()
    .name('http-bench')
    .description('HTTP server benchmark: ours vs node:http vs nginx, server on CPU 0, wrk on CPU 1')
    .option('--duration <s>', 'measured seconds per cell', seconds, 5)
    .option('--warmup <s>', 'warm-up seconds per cell', seconds, 1)
    .option('--repeat <n>', 'rounds over all cells; each cell reports its median', rounds, 1)
    .addOption(new Option('--only <workloads>', `comma list of ${WORKLOAD_IDS.join(', ')}`).argParser(listOf(WORKLOAD_IDS)).default([...WORKLOAD_IDS], 'all'))
    .addOption(new Option('--servers <servers>', `comma list of ${SERVER_KINDS.join(', ')}`).argParser(listOf(SERVER_KINDS)).default([...SERVER_KINDS], 'all'))
    .option('--no-write', 'print the table only; leave docs/benchmarks.md alone')
    .allowExcessArguments(false)
    .exitOverride()
    .configureOutput({ writeOut: out, writeErr: () => undefined });
  try {
    program.parse([...argv], { from: 'user' });
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.help') return { kind: 'exit', code: 0 };
    throw new BenchError('BENCH_BAD_OPTION', error.message.replace(/^error: /, '').split('\n')[0] ?? error.code);
  }
  const opts = program.opts<{ duration: number; warmup: number; repeat: number; only: WorkloadId[]; servers: ServerKind[]; write: boolean }>();
  const options: BenchOptions = Object.freeze({
    durationS: opts.duration,
    warmUpS: opts.warmup,
    repeat: opts.repeat,
    workloads: Object.freeze(opts.only),
    servers: Object.freeze(opts.servers),
    write: opts.write,
  });
  return { kind: 'run', options };
}
