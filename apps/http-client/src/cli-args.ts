// Command-line parsing: `http-client [base-url]` opens the REPL; `get|head|post|put|delete|options
// URL [flags]` run one request for scripts. Everything is checked here, before any connection,
// so a bad argument always exits 2 with one line on stderr.
import { readFileSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { CLIENT_DEFAULTS, METHODS, type Method } from './config';
import { ClientError, EXIT, type ExitStatus } from './errors';
import { parseHeaderLine, type HeaderPair } from './header-line';
import { checkJson, describeJsonProblem } from './json-check';
import type { BodySource, RequestSpec } from './request-spec';
import { parseBaseUrl, resolveTarget } from './url-target';

/** How to reach servers, shared by the REPL and one-shot runs. */
export interface TransportOptions {
  readonly timeoutMs: number;
  readonly insecure: boolean;
  /** Extra trusted CA certificates (PEM), from --cacert. */
  readonly ca: Buffer | undefined;
}

export type Invocation =
  | { readonly kind: 'repl'; readonly base: URL; readonly transport: TransportOptions }
  | {
      readonly kind: 'request';
      readonly spec: RequestSpec;
      readonly output: string | undefined;
      readonly verbose: boolean;
      readonly timing: boolean;
      readonly transport: TransportOptions;
    }
  /** Help was printed (0) or an error was (2): nothing left to do. */
  | { readonly kind: 'exit'; readonly status: ExitStatus };

export interface CliOutput {
  writeOut(text: string): void;
  writeErr(text: string): void;
}

export const DEFAULT_BASE_URL = 'http://127.0.0.1:8080';

const EXIT_HELP = `
Exit status of the one-shot commands:
  0  the response was 1xx, 2xx or 3xx    4  the response was 4xx
  1  network error (refused, timeout, connection closed, bad response)
  2  bad arguments                       5  the response was 5xx`;

const REPL_HELP = `
Without a command, opens the interactive REPL against [base-url] (default ${DEFAULT_BASE_URL}).
Type .help there for its commands. The history is kept in ~/${CLIENT_DEFAULTS.historyFileName}
(or the file named by $HTTP_CLIENT_HISTORY). NO_COLOR turns colours off.`;

interface RawTransport {
  timeout: string;
  insecure?: boolean;
  cacert?: string;
}

interface RawRequest extends RawTransport {
  header?: string[];
  json?: string;
  data?: string;
  output?: string;
  verbose?: boolean;
  timing?: boolean;
}

export function parseCommandLine(argv: readonly string[], out: CliOutput): Invocation {
  let result: Invocation = { kind: 'exit', status: EXIT.ok };
  const program = new Command('http-client')
    .description('An HTTP/1.1 client: an interactive REPL, or one-shot commands for scripts.')
    .exitOverride()
    // Flags after a command belong to it, even those the REPL shares (--timeout, -k).
    .enablePositionalOptions()
    .configureOutput({ writeOut: (s) => out.writeOut(s), writeErr: (s) => out.writeErr(s) })
    .argument('[base-url]', `base URL that relative paths resolve against (default ${DEFAULT_BASE_URL})`);
  addTransportOptions(program);
  program.addHelpText('after', `${REPL_HELP}\n${EXIT_HELP}`).action((baseUrl: string | undefined, raw: RawTransport) => {
    result = { kind: 'repl', base: parseBaseUrl(baseUrl ?? DEFAULT_BASE_URL), transport: toTransport(raw) };
  });

  for (const method of METHODS) {
    const command = program
      .command(method.toLowerCase())
      .description(method === 'HEAD' ? 'send one HEAD request and print the response head' : `send one ${method} request and print the response body`)
      .argument('<url>', 'absolute URL (http:// or https://; a bare host:port/path means http)')
      .option('-H, --header <line>', "request header 'Name: value' (repeatable)", collect)
      .addOption(new Option('--json <text>', 'JSON body (checked before sending; sets Content-Type)').conflicts('data'))
      .addOption(new Option('-d, --data <text|@file>', 'body: a literal string, or @file for the bytes of a file'))
      .option('-o, --output <file>', 'save the response body to a file instead of printing it')
      .option('-v, --verbose', 'print the request and response heads on stderr')
      .option('--timing', 'print the timing of each phase on stderr');
    addTransportOptions(command);
    command.addHelpText('after', EXIT_HELP).action((url: string, raw: RawRequest) => {
      result = toRequest(method, url, raw);
    });
  }

  try {
    program.parse(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) return { kind: 'exit', status: error.exitCode === 0 ? EXIT.ok : EXIT.usage };
    if (error instanceof ClientError) {
      out.writeErr(`error: ${error.message}\n`);
      return { kind: 'exit', status: EXIT.usage };
    }
    throw error;
  }
  return result;
}

function addTransportOptions(command: Command): void {
  command
    .addOption(
      new Option('--timeout <seconds>', 'connect and stalled-response timeout').default(
        String(CLIENT_DEFAULTS.timeoutMs / 1000),
        `${CLIENT_DEFAULTS.timeoutMs / 1000}`,
      ),
    )
    .option('-k, --insecure', 'do not verify TLS certificates')
    .option('--cacert <file>', 'also trust the CA certificate(s) in this PEM file');
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

function toTransport(raw: RawTransport): TransportOptions {
  const seconds = Number(raw.timeout);
  if (raw.timeout.trim() === '' || !Number.isFinite(seconds) || seconds <= 0 || seconds > 86_400) {
    throw new ClientError('CLIENT_BAD_ARGUMENT', `--timeout must be a number of seconds from 0 to 86400, not "${raw.timeout}"`);
  }
  let ca: Buffer | undefined;
  if (raw.cacert !== undefined) {
    try {
      ca = readFileSync(raw.cacert);
    } catch (error) {
      throw new ClientError('CLIENT_BAD_ARGUMENT', `cannot read --cacert ${raw.cacert}: ${(error as NodeJS.ErrnoException).code ?? error}`);
    }
  }
  return { timeoutMs: Math.round(seconds * 1000), insecure: raw.insecure === true, ca };
}

function toRequest(method: Method, url: string, raw: RawRequest): Invocation {
  const transport = toTransport(raw);
  resolveTarget(url); // throws CLIENT_BAD_URL now rather than after a connect attempt
  const headers: HeaderPair[] = (raw.header ?? []).map(parseHeaderLine);
  let body: BodySource | undefined;
  if (raw.json !== undefined) {
    const check = checkJson(raw.json);
    if (!check.ok) throw new ClientError('CLIENT_BAD_JSON', `--json is not valid JSON at ${describeJsonProblem(check.problem)}`);
    body = { kind: 'json', text: raw.json };
  } else if (raw.data !== undefined) {
    body = raw.data.startsWith('@') ? { kind: 'file', path: raw.data.slice(1) } : { kind: 'data', text: raw.data };
    if (body.kind === 'file' && body.path === '') throw new ClientError('CLIENT_BAD_ARGUMENT', '--data @ needs a file name');
  }
  return {
    kind: 'request',
    spec: { method, url, headers, ...(body ? { body } : {}) },
    output: raw.output,
    verbose: raw.verbose === true,
    timing: raw.timing === true,
    transport,
  };
}
