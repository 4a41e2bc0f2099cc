// The client's command line: `[host] [port]` opens the REPL, `ping HOST PORT [flags]` runs
// probes. Returns the exit code (0 all came back, 1 some lost, 2 bad arguments).

import { Command, CommanderError } from 'commander';
import {
  cliFlag,
  isUdpEchoError,
  paletteFor,
  parseDatagramSize,
  parseInteger,
  parsePort,
  PROBE_HEADER_BYTES,
  UDP_ECHO_DEFAULTS,
  type MaybeTty,
} from '@mths/udp-echo';
import { CLIENT_DEFAULTS } from './client-defaults';
import { runPing } from './ping';
import { formatPingEvent, formatPingSummary, pingSummaryJson } from './ping-report';
import { runRepl, type PromptFn } from './repl';

export interface OutputStream extends MaybeTty {
  write(text: string): unknown;
}

export interface ClientIo {
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  /** The interactive prompt (inquirer's `input` in main.ts, a script in tests). */
  readonly prompt: PromptFn;
  /** Aborted on SIGINT/SIGTERM: ping stops sending and prints its summary. */
  readonly signal?: AbortSignal;
  readonly env?: NodeJS.ProcessEnv;
}

export const EXIT_OK = 0;
export const EXIT_LOST = 1;
export const EXIT_USAGE = 2;

interface PingFlags {
  readonly count: number;
  readonly size: number;
  readonly interval: number;
  readonly timeout: number;
  readonly flood?: boolean;
  readonly quiet?: boolean;
  readonly json?: boolean;
}

const milliseconds = (what: string, min: number) => cliFlag((text) => parseInteger(text, what, min, CLIENT_DEFAULTS.maxMs));

export async function runClientCli(argv: readonly string[], io: ClientIo): Promise<number> {
  let exitCode = EXIT_OK;
  const env = io.env ?? process.env;
  const out = (line: string): void => void io.stdout.write(`${line}\n`);
  const err = (line: string): void => void io.stderr.write(`${line}\n`);

  const program = new Command('udp-echo-client')
    .description('Talk to a UDP echo server (RFC 862): interactively, or ping-style with loss and RTT statistics.')
    .exitOverride()
    .configureOutput({ writeOut: (text) => io.stdout.write(text), writeErr: (text) => io.stderr.write(text) })
    .enablePositionalOptions()
    .argument('[host]', 'server host', UDP_ECHO_DEFAULTS.host)
    .argument('[port]', 'server port', cliFlag(parsePort), UDP_ECHO_DEFAULTS.port)
    .option('-W, --timeout <ms>', 'how long to wait for each echo', milliseconds('timeout', 1), CLIENT_DEFAULTS.timeoutMs)
    .action(async (host: string, port: number, flags: { timeout: number }) => {
      await runRepl({
        host,
        port,
        timeoutMs: flags.timeout,
        prompt: io.prompt,
        print: out,
        paint: paletteFor(io.stdout, env),
      });
    });

  program
    .command('ping')
    .description('send numbered probes like ping(8) and summarise loss, duplicates, reordering and RTT')
    .argument('<host>', 'server host')
    .argument('<port>', 'server port', cliFlag(parsePort))
    .option('-c, --count <n>', 'probes to send', cliFlag((text) => parseInteger(text, 'count', 1, CLIENT_DEFAULTS.maxCount)), CLIENT_DEFAULTS.count)
    .option(
      '-s, --size <bytes>',
      `UDP payload bytes per probe (${PROBE_HEADER_BYTES}..${UDP_ECHO_DEFAULTS.maxDatagramBytes}); replies show payload + 8 like ping`,
      cliFlag((text) => parseDatagramSize(text, PROBE_HEADER_BYTES)),
      CLIENT_DEFAULTS.size,
    )
    .option('-i, --interval <ms>', 'time between probes', milliseconds('interval', 0), CLIENT_DEFAULTS.intervalMs)
    .option('-W, --timeout <ms>', 'how long to wait for each reply', milliseconds('timeout', 1), CLIENT_DEFAULTS.timeoutMs)
    .option('-f, --flood', 'send the next probe as soon as the previous one is answered or timed out')
    .option('-q, --quiet', 'print only the start line and the summary')
    .option('--json', 'print only the summary, as one JSON object')
    .action(async (host: string, port: number, flags: PingFlags) => {
      const paint = paletteFor(io.stdout, env);
      const warn = paletteFor(io.stderr, env);
      const result = await runPing({
        host,
        port,
        count: flags.count,
        size: flags.size,
        intervalMs: flags.interval,
        timeoutMs: flags.timeout,
        flood: flags.flood === true,
        signal: io.signal,
        onEvent: (event) => {
          if (flags.json) return;
          if (event.type === 'send-error' || event.type === 'socket-error') {
            err(formatPingEvent(event, warn) ?? '');
          } else if (!flags.quiet || event.type === 'start') {
            const line = formatPingEvent(event, paint);
            if (line !== undefined) out(line);
          }
        },
      });
      if (flags.json) {
        out(JSON.stringify(pingSummaryJson(result)));
      } else {
        for (const line of formatPingSummary(result, paint)) out(line);
      }
      const { sent, received } = result.counts;
      exitCode = sent > 0 && received === sent ? EXIT_OK : EXIT_LOST;
    });

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    // Commander has already printed its one-line reason (or the help text) through writeErr.
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    if (isUdpEchoError(error)) {
      err(`error: ${error.message}`);
      return error.code === 'UDP_ECHO_BAD_ARGUMENT' || error.code === 'UDP_ECHO_HOST_UNRESOLVED' ? EXIT_USAGE : EXIT_LOST;
    }
    throw error;
  }
}
