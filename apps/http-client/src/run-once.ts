// The one-shot commands: send one request, print what a script wants on stdout (the body, or
// the head for HEAD), diagnostics on stderr, and map the outcome to the exit status.
import { writeFile } from 'node:fs/promises';
import { Agent } from './agent';
import type { Invocation } from './cli-args';
import type { ClientResponse } from './client-response';
import { chalkFor } from './colour';
import { ClientError, exitStatusForHttp, type ExitStatus } from './errors';
import { findFlatHeader } from './header-line';
import { prepareRequest } from './prepare-request';
import { renderBody, renderConnection, renderHead, summariseBytes } from './render-response';
import { formatTiming } from './timing';

export interface OutStream {
  write(chunk: string | Uint8Array): unknown;
  readonly isTTY?: boolean;
  readonly rows?: number;
  readonly columns?: number;
}

export interface OnceIO {
  readonly stdout: OutStream;
  readonly stderr: OutStream;
  readonly env: NodeJS.ProcessEnv;
}

type RequestInvocation = Extract<Invocation, { kind: 'request' }>;

export async function runOnce(invocation: RequestInvocation, io: OnceIO): Promise<ExitStatus> {
  const out = chalkFor(io.stdout, io.env);
  const err = chalkFor(io.stderr, io.env);
  const agent = new Agent(invocation.transport);
  try {
    const request = await prepareRequest(invocation.spec);
    if (invocation.verbose) io.stderr.write(quoteHead('> ', request.head.toString('latin1'), request.body?.length ?? 0));
    const response = await agent.send(request);
    if (invocation.verbose) io.stderr.write(quoteHead('< ', renderHead(response, err), -1));
    await deliverBody(invocation, response, io, out);
    if (invocation.timing) io.stderr.write(`${err.dim(formatTiming(response.timing))}\n${err.dim(renderConnection(response.connection, err))}\n`);
    const status = exitStatusForHttp(response.head.statusCode);
    if (status !== 0) io.stderr.write(`error: HTTP ${response.head.statusCode} ${response.head.reason} from ${response.method} ${response.url}\n`);
    return status;
  } catch (error) {
    if (!(error instanceof ClientError)) throw error;
    io.stderr.write(`error: ${error.message}\n`);
    return error.exitStatus;
  } finally {
    agent.close();
  }
}

async function deliverBody(invocation: RequestInvocation, response: ClientResponse, io: OnceIO, out: ReturnType<typeof chalkFor>): Promise<void> {
  const contentType = findFlatHeader(response.head.headers, 'content-type');
  if (invocation.output !== undefined) {
    try {
      await writeFile(invocation.output, response.body);
    } catch (error) {
      throw new ClientError('CLIENT_OUTPUT_FAILED', `cannot write ${invocation.output}: ${(error as NodeJS.ErrnoException).code ?? error}`, { cause: error });
    }
    io.stderr.write(`saved ${summariseBytes(response.body, contentType)} to ${invocation.output}\n`);
    return;
  }
  if (response.method === 'HEAD') {
    // No body exists, so the head is the answer.
    io.stdout.write(`${renderHead(response, out)}\n`);
    return;
  }
  if (io.stdout.isTTY !== true) {
    // Scripts get the bytes exactly as sent, whatever their type (like curl).
    io.stdout.write(response.body);
    return;
  }
  const screen = { rows: io.stdout.rows ?? 24, columns: io.stdout.columns ?? 100 };
  const text = renderBody(response, out, screen, { truncate: false, saveHint: '--output FILE' });
  if (text !== '') io.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}

/** `> GET / HTTP/1.1` lines, curl-style, for --verbose. */
function quoteHead(prefix: string, head: string, bodyBytes: number): string {
  const lines = head.split(/\r?\n/).filter((line) => line !== '');
  let text = lines.map((line) => `${prefix}${line}\n`).join('');
  if (bodyBytes > 0) text += `${prefix}[${bodyBytes} bytes of body]\n`;
  return `${text}${prefix.trim()}\n`;
}
