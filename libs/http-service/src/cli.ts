// The servers' command line (SPEC section 2): positional port, host (and threads for
// http-server), flags for every limit; --help. Errors are CliUsageError with a one-line reason.
import { Command, CommanderError, Option } from 'commander';
import { resolve } from 'node:path';
import { CliUsageError, parseCount, parseExtensions, parsePort, parseSeconds, parseSize } from './cli-values';
import { DEFAULT_SERVER_CONFIG, serverConfig, type ServerConfig } from './config';

export interface CliSpec {
  readonly name: string;
  readonly description: string;
  /** http-server takes a third positional: the number of worker threads. */
  readonly withThreads: boolean;
}

export type CliOutcome = { kind: 'run'; config: ServerConfig } | { kind: 'exit'; code: number };

interface Flags {
  root?: string;
  uploads?: string;
  allowedHost: string[];
  allowExt?: string;
  maxBody?: string;
  maxConnections?: string;
  maxRequestsPerConnection?: string;
  headerTimeout?: string;
  keepAliveTimeout?: string;
  drainTimeout?: string;
  watchdog?: string;
  maxRequestLine?: string;
  maxHeaderBytes?: string;
  maxHeaderCount?: string;
  quiet?: boolean;
}

function program(spec: CliSpec): Command {
  const d = DEFAULT_SERVER_CONFIG;
  const cmd = new Command(spec.name)
    .description(spec.description)
    .argument('[port]', `port to listen on, 0 for any free port (default ${d.port})`)
    .argument('[host]', `address to bind (default ${d.host})`);
  if (spec.withThreads) {
    cmd
      .argument('[threads]', `worker threads (default ${d.threads}, this machine's parallelism)`)
      .option('--watchdog <s>', `replace a worker whose event loop is stuck this many seconds, 0 = never (default ${d.watchdogMs / 1000})`);
  }
  return cmd
    .option('--root <dir>', 'folder to serve (default: the repo\'s resources/)')
    .option('--uploads <dir>', 'where POST /upload writes (default: <root>/uploads)')
    .addOption(new Option('--allowed-host <name>', 'also accept this Host name (repeatable)').default([]).argParser((v: string, prev: string[]) => [...prev, v]))
    .option('--allow-ext <list>', `extra file extensions to serve, comma-separated (always: ${d.allowedExtensions.join(',')})`)
    .option('--max-body <size>', 'largest request body, bytes or 64k/10m (default 10m)')
    .option('--max-connections <n>', `open connections per worker before 503 (default ${d.maxConnections})`)
    .option('--max-requests-per-connection <n>', `requests per keep-alive connection (default ${d.maxRequestsPerConnection})`)
    .option('--header-timeout <s>', `seconds to send complete headers, or to go without a body byte, before 408; a body also gets 1 s per 500 bytes (default ${d.headerTimeoutMs / 1000})`)
    .option('--keep-alive-timeout <s>', `seconds an idle connection stays open (default ${d.keepAliveTimeoutMs / 1000})`)
    .option('--drain-timeout <s>', `seconds in-flight requests get on shutdown (default ${d.drainTimeoutMs / 1000})`)
    .option('--max-request-line <size>', 'longest request line before 414 (default 8k)')
    .option('--max-header-bytes <size>', 'largest header section before 431 (default 16k)')
    .option('--max-header-count <n>', `most header fields before 431 (default ${d.maxHeaderCount})`)
    .option('--quiet', 'no access log lines')
    .exitOverride()
    .configureOutput({ writeErr: () => undefined })
    .allowExcessArguments(false);
}

function toConfig(spec: CliSpec, args: (string | undefined)[], flags: Flags): ServerConfig {
  const [port, host, threads] = args;
  const root = flags.root !== undefined ? resolve(flags.root) : DEFAULT_SERVER_CONFIG.root;
  const overrides: { -readonly [K in keyof ServerConfig]?: ServerConfig[K] } = {
    port: port !== undefined ? parsePort(port) : DEFAULT_SERVER_CONFIG.port,
    host: host ?? DEFAULT_SERVER_CONFIG.host,
    threads: spec.withThreads && threads !== undefined ? parseCount(threads, 'threads', 1, 256) : spec.withThreads ? DEFAULT_SERVER_CONFIG.threads : 1,
    root,
    uploadsDir: flags.uploads !== undefined ? resolve(flags.uploads) : resolve(root, 'uploads'),
    allowedHostNames: flags.allowedHost.map((name) => name.toLowerCase()),
    quiet: flags.quiet === true,
  };
  if (flags.allowExt !== undefined) {
    overrides.allowedExtensions = [...new Set([...DEFAULT_SERVER_CONFIG.allowedExtensions, ...parseExtensions(flags.allowExt)])];
  }
  if (flags.maxBody !== undefined) overrides.maxBodyBytes = parseSize(flags.maxBody, '--max-body');
  if (flags.maxConnections !== undefined) overrides.maxConnections = parseCount(flags.maxConnections, '--max-connections');
  if (flags.maxRequestsPerConnection !== undefined) {
    overrides.maxRequestsPerConnection = parseCount(flags.maxRequestsPerConnection, '--max-requests-per-connection');
  }
  if (flags.headerTimeout !== undefined) overrides.headerTimeoutMs = parseSeconds(flags.headerTimeout, '--header-timeout');
  if (flags.keepAliveTimeout !== undefined) overrides.keepAliveTimeoutMs = parseSeconds(flags.keepAliveTimeout, '--keep-alive-timeout');
  if (flags.drainTimeout !== undefined) overrides.drainTimeoutMs = parseSeconds(flags.drainTimeout, '--drain-timeout');
  if (flags.watchdog !== undefined) overrides.watchdogMs = flags.watchdog.trim() === '0' ? 0 : parseSeconds(flags.watchdog, '--watchdog');
  if (flags.maxRequestLine !== undefined) overrides.maxStartLineBytes = parseSize(flags.maxRequestLine, '--max-request-line');
  if (flags.maxHeaderBytes !== undefined) overrides.maxHeaderBytes = parseSize(flags.maxHeaderBytes, '--max-header-bytes');
  if (flags.maxHeaderCount !== undefined) overrides.maxHeaderCount = parseCount(flags.maxHeaderCount, '--max-header-count');
  return serverConfig(overrides);
}

/**
 * Parses argv (without node and script). Help goes to `out`; a usage error is thrown as
 * CliUsageError so the app prints one line and exits 2.
 */
export function parseServerArgs(spec: CliSpec, argv: readonly string[], out: (text: string) => void): CliOutcome {
  const cmd = program(spec).configureOutput({ writeOut: out, writeErr: () => undefined });
  try {
    cmd.parse([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.help' || error.code === 'commander.version') {
        return { kind: 'exit', code: 0 };
      }
      throw new CliUsageError(error.message.replace(/^error: /, ''));
    }
    throw error;
  }
  return { kind: 'run', config: toConfig(spec, cmd.args, cmd.opts<Flags>()) };
}
