// Turns a response into what the user reads: the status line coloured by class, the headers,
// the body shown by kind (pretty JSON, text up to a screenful, binary summary), timing and
// what happened to the connection.
import { createHash } from 'node:crypto';
import type { ChalkInstance } from 'chalk';
import type { MessageHead } from '@mths/http-parser';
import { classifyBody, decodeText } from './body-kind';
import type { ClientResponse, ConnectionUse } from './client-response';
import { findFlatHeader } from './header-line';
import { parseJsonExact, renderJson } from './json-render';
import { formatBytes, formatTiming } from './timing';

export interface Screen {
  readonly rows: number;
  readonly columns: number;
}

export function statusColour(c: ChalkInstance, statusCode: number): ChalkInstance {
  if (statusCode >= 500) return c.red;
  if (statusCode >= 400) return c.yellow;
  if (statusCode >= 300) return c.cyan;
  if (statusCode >= 200) return c.green;
  return c.gray;
}

export function renderStatusLine(head: MessageHead, c: ChalkInstance): string {
  const line = `HTTP/${head.versionMajor}.${head.versionMinor} ${head.statusCode} ${head.reason}`.trimEnd();
  return statusColour(c, head.statusCode).bold(line);
}

export function renderHeaders(head: MessageHead, c: ChalkInstance): string {
  const lines: string[] = [];
  for (let i = 0; i + 1 < head.headers.length; i += 2) {
    lines.push(`${c.bold(head.headers[i] ?? '')}: ${head.headers[i + 1] ?? ''}`);
  }
  return lines.join('\n');
}

/** Status line and headers, with any interim 1xx responses before them. */
export function renderHead(response: ClientResponse, c: ChalkInstance): string {
  const parts: string[] = [];
  for (const interim of response.informational) parts.push(renderStatusLine(interim, c));
  parts.push(renderStatusLine(response.head, c));
  const headers = renderHeaders(response.head, c);
  if (headers !== '') parts.push(headers);
  return parts.join('\n');
}

export function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** `1.2 KiB (1234 bytes), image/png, sha256 9f86...`. */
export function summariseBytes(body: Buffer, contentType: string | undefined): string {
  const size = body.length < 1024 ? `${body.length} bytes` : `${formatBytes(body.length)} (${body.length} bytes)`;
  return `${size}, ${contentType ?? 'no content-type'}, sha256 ${sha256(body)}`;
}

export interface BodyRenderOptions {
  /** Cut text after a screenful (the REPL); one-shot commands on a terminal show it all. */
  readonly truncate: boolean;
  /** What to tell the user to keep a binary or truncated body: `save <file>` or `--output FILE`. */
  readonly saveHint: string;
}

/** The body as the user should see it, or '' for none. */
export function renderBody(
  response: Pick<ClientResponse, 'head' | 'body'>,
  c: ChalkInstance,
  screen: Screen,
  options: BodyRenderOptions,
): string {
  const contentType = findFlatHeader(response.head.headers, 'content-type');
  const body = response.body;
  switch (classifyBody(contentType, body)) {
    case 'empty':
      return '';
    case 'json': {
      const parsed = parseJsonExact(decodeText(body, contentType));
      const pretty = parsed === undefined ? undefined : renderJson(parsed.value, c);
      if (pretty !== undefined) return fitText(pretty, c, screen, options);
      return fitText(decodeText(body, contentType), c, screen, options);
    }
    case 'text':
      return fitText(decodeText(body, contentType), c, screen, options);
    case 'binary':
      return c.magenta(`binary body: ${summariseBytes(body, contentType)}`) + '\n' + c.dim(`(${options.saveHint} to keep it)`);
  }
}

/** Keeps text within a screenful when asked, with a note of what was left out. */
export function fitText(text: string, c: ChalkInstance, screen: Screen, options: BodyRenderOptions): string {
  if (!options.truncate) return text;
  const maxLines = Math.max(screen.rows - 6, 10);
  const maxChars = maxLines * Math.max(screen.columns, 20);
  const lines = text.split('\n');
  let shown = text;
  let what = '';
  if (lines.length > maxLines) {
    shown = lines.slice(0, maxLines).join('\n');
    what = `${lines.length - maxLines} more lines`;
  }
  if (shown.length > maxChars) {
    shown = shown.slice(0, maxChars);
    what = `${text.length - shown.length} more characters`;
  }
  if (what === '') return text;
  return `${shown}\n${c.dim(`… ${what} not shown (${options.saveHint} to keep the whole body)`)}`;
}

export function renderConnection(use: ConnectionUse, c: ChalkInstance): string {
  const parts: string[] = [];
  if (use.reconnected !== null) parts.push(c.yellow(`reconnected: ${use.reconnected}`));
  parts.push(use.reused ? `reused connection #${use.id}` : `new connection #${use.id}`);
  if (!use.keptAlive) parts.push('closed after the response');
  return parts.join(' · ');
}

/** Everything the REPL prints for one response. */
export function renderResponse(response: ClientResponse, c: ChalkInstance, screen: Screen): string {
  const parts = [renderHead(response, c)];
  const body = renderBody(response, c, screen, { truncate: true, saveHint: 'save <file>' });
  // One trailing newline belongs to the body's last line, not to the layout.
  if (body !== '') parts.push('', body.endsWith('\n') ? body.slice(0, -1) : body);
  parts.push('', c.dim(formatTiming(response.timing)), c.dim(renderConnection(response.connection, c)));
  return parts.join('\n');
}
