// The server's command line: `[port] [host]` plus loss/delay simulation and logging flags.
// Runs until the signal aborts, then prints the totals; returns the exit code
// (0 after a clean stop, 1 when the port cannot be bound, 2 on bad arguments).

import { Command, CommanderError, Option } from 'commander';
import {
  cliFlag,
  DROP,
  formatCounters,
  isUdpEchoError,
  paletteFor,
  parseDecimal,
  parseDelay,
  parsePort,
  parseRate,
  parseSeed,
  startEchoServer,
  UDP_ECHO_DEFAULTS,
  type DelaySpec,
  type EchoServer,
  type MaybeTty,
} from '@mths/udp-echo';

export interface OutputStream extends MaybeTty {
  write(text: string): unknown;
}

export interface ServerIo {
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  /** Aborted on SIGINT/SIGTERM: the server closes and prints its totals. */
  readonly signal: AbortSignal;
  readonly env?: NodeJS.ProcessEnv;
}

const NO_DELAY: DelaySpec = Object.freeze({ delayMs: 0, jitterMs: 0 });

export const EXIT_OK = 0;
export const EXIT_BIND_FAILED = 1;
export const EXIT_USAGE = 2;

interface ServerFlags {
  readonly statsInterval?: number;
  readonly drop: number;
  readonly delay: DelaySpec;
  readonly seed: number;
  readonly quiet?: boolean;
}

function whenAborted(signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
}

function describeFate(fate: number): string {
  if (fate === DROP) return 'dropped';
  return fate === 0 ? 'echoed' : `echoed after ${fate} ms`;
}

export async function runServerCli(argv: readonly string[], io: ServerIo): Promise<number> {
  let exitCode = EXIT_OK;
  const env = io.env ?? process.env;
  const out = (line: string): void => void io.stdout.write(`${line}\n`);
  const paint = paletteFor(io.stdout, env);
  const warnPaint = paletteFor(io.stderr, env);
  const warn = (line: string): void => void io.stderr.write(`${warnPaint.yellow(line)}\n`);

  const program = new Command('udp-echo-server')
    .description('Echo every UDP datagram back to its sender, byte for byte (RFC 862).')
    .exitOverride()
    .configureOutput({ writeOut: (text) => io.stdout.write(text), writeErr: (text) => io.stderr.write(text) })
    .argument('[port]', 'UDP port, 0 for any free one', cliFlag(parsePort), UDP_ECHO_DEFAULTS.port)
    .argument('[host]', 'address to bind (IPv6 literals such as ::1 work too)', UDP_ECHO_DEFAULTS.host)
    .option('--stats-interval <s>', 'print a one-line summary every S seconds', cliFlag((text) => parseDecimal(text, 'stats interval', 0.01, 86_400)))
    .option('--drop <rate>', 'simulate loss: drop this fraction of datagrams (0..1)', cliFlag(parseRate), 0)
    .addOption(
      new Option('--delay <ms[±jitter]>', 'simulate latency, e.g. 20, 20±5 or 20+-5')
        .argParser(cliFlag(parseDelay))
        .default(NO_DELAY, '0'),
    )
    .option('--seed <n>', 'seed of the loss/delay simulation, so a run repeats', cliFlag(parseSeed), UDP_ECHO_DEFAULTS.seed)
    .option('-q, --quiet', 'no line per datagram (listening, stats and totals still print)')
    .action(async (port: number, host: string, flags: ServerFlags) => {
      let server: EchoServer;
      try {
        server = await startEchoServer({
          port,
          host,
          dropRate: flags.drop,
          delayMs: flags.delay.delayMs,
          jitterMs: flags.delay.jitterMs,
          seed: flags.seed,
          onDatagram: flags.quiet ? undefined : (peer, bytes, fate) => out(`${peer} ${bytes} B ${describeFate(fate)}`),
          onWarning: warn,
        });
      } catch (error) {
        if (!isUdpEchoError(error)) throw error;
        io.stderr.write(`error: ${error.message}\n`);
        exitCode = error.code === 'UDP_ECHO_BAD_ARGUMENT' ? EXIT_USAGE : EXIT_BIND_FAILED;
        return;
      }
      out(paint.green(`listening on ${server.url}`) + simulationNote(flags));
      const summary = (): string => `${formatCounters(server.stats.totals)}, peers ${server.stats.peerCount}`;
      const ticker =
        flags.statsInterval === undefined ? undefined : setInterval(() => out(`stats: ${summary()}`), flags.statsInterval * 1000);
      await whenAborted(io.signal);
      clearInterval(ticker);
      await server.close();
      if (!flags.quiet) {
        for (const peer of server.stats.snapshot().peers) out(`peer ${peer.peer}: ${formatCounters(peer)}`);
      }
      out(`totals: ${summary()}`);
    });

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    // Commander has already printed its one-line reason (or the help text) through writeErr.
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    throw error;
  }
}

function simulationNote(flags: ServerFlags): string {
  const { drop, delay, seed } = flags;
  if (drop === 0 && delay.delayMs === 0 && delay.jitterMs === 0) return '';
  return ` (simulating drop ${drop}, delay ${delay.delayMs}±${delay.jitterMs} ms, seed ${seed})`;
}
