// The shape of a table row (raw request bytes -> status, headers, body, close) and the one
// function that runs a row against a server, with the checks every response must pass.
import type { RawClient } from './raw-client';
import { describeResponse, type Response } from './response';
import type { ServerProcess } from './server-process';
import { sha256 } from './fixture-site';

export type HeaderExpectation = string | RegExp | null;

export interface Row {
  /** What the row checks: an RFC section or the SPEC line. */
  readonly cite: string;
  readonly name: string;
  /** Raw request bytes; `{host}` becomes `127.0.0.1:<port>` and `{port}` the port. */
  readonly request: string | Buffer;
  /** Methods of the requests in `request`, when not just its first token. */
  readonly methods?: readonly string[];
  readonly status: number;
  /** Expected header values (exact string, or a pattern tried on '' when absent); null: must be absent. */
  readonly headers?: Readonly<Record<string, HeaderExpectation>>;
  /** Exact body, a served file's bytes, the kind of error page, or 'any' (not checked). */
  readonly body?: string | Buffer | { readonly file: string } | 'html' | 'json' | 'none' | 'any';
  /** true: the server closes after the response; false: the connection serves another request. */
  readonly close?: boolean;
}

/** Replaces `{host}` and `{port}` in a request. */
export function fill(request: string | Buffer, server: ServerProcess): Buffer {
  if (Buffer.isBuffer(request)) return request;
  return Buffer.from(request.replaceAll('{host}', server.hostHeader).replaceAll('{port}', String(server.port)), 'latin1');
}

export function get(path: string, server: ServerProcess, extra = ''): Buffer {
  return fill(`GET ${path} HTTP/1.1\r\nHost: {host}\r\n${extra}\r\n`, server);
}

/** expect(actual).toEqual(expected), with the response summarised in the failure diff. */
function check(response: Response, actual: Record<string, unknown>, expected: Record<string, unknown>): void {
  const summary = describeResponse(response);
  expect({ response: summary, ...actual }).toEqual({ response: summary, ...expected });
}

/** Date, Server and a Content-Length that matches the body (SPEC §3 Connections, RFC 9110 §6.6.1, §8.6). */
export function expectCommonHeaders(response: Response, method = 'GET'): void {
  check(response, { dateValid: !Number.isNaN(Date.parse(response.header('date') ?? '')) }, { dateValid: true });
  check(response, { server: response.header('server') ?? '' }, { server: expect.stringMatching(/\S/) });
  if (/(^|,)\s*chunked\s*$/i.test(response.header('transfer-encoding') ?? '')) return;
  const length = response.header('content-length');
  check(response, { contentLength: length }, { contentLength: expect.stringMatching(/^\d+$/) });
  if (method !== 'HEAD') check(response, { contentLength: Number(length) }, { contentLength: response.bodyLength });
}

/** Connection and Keep-Alive as SPEC §3 asks for a persistent (or closing) response. */
export function expectConnectionHeaders(response: Response, persistent: boolean): void {
  const connection = response.header('connection')?.toLowerCase();
  if (persistent) {
    check(response, { connection, keepAlive: response.header('keep-alive') }, { connection: 'keep-alive', keepAlive: expect.stringMatching(/^timeout=\d+, max=\d+$/) });
  } else {
    check(response, { connection }, { connection: 'close' });
  }
}

export function expectBody(response: Response, body: NonNullable<Row['body']>, files: ReadonlyMap<string, Buffer>): void {
  const type = response.header('content-type');
  if (body === 'any') return;
  if (body === 'html') {
    check(response, { type }, { type: expect.stringMatching(/^text\/html\s*;\s*charset=utf-8$/i) });
    expect(response.body.toString('utf8')).toMatch(/<html[\s>]/i);
  } else if (body === 'json') {
    check(response, { type }, { type: expect.stringMatching(/^application\/json\b/i) });
    expect(() => JSON.parse(response.body.toString('utf8')) as unknown).not.toThrow();
  } else if (body === 'none') {
    check(response, { bodyLength: response.bodyLength }, { bodyLength: 0 });
  } else if (typeof body === 'object' && !Buffer.isBuffer(body)) {
    const file = files.get(body.file);
    if (file === undefined) throw new Error(`no fixture file ${body.file}`);
    check(response, { length: response.bodyLength, sha256: response.sha256 }, { length: file.length, sha256: sha256(file) });
  } else {
    expect(response.body.toString('latin1')).toBe(Buffer.isBuffer(body) ? body.toString('latin1') : body);
  }
}

/** A follow-up GET on the same connection is answered: the connection was kept open and in sync. */
export async function expectStillServing(client: RawClient, server: ServerProcess): Promise<void> {
  await client.send(get('/hello.txt', server));
  const next = await client.response();
  expect(next.status).toBe(200);
  expectBody(next, { file: 'hello.txt' }, server.site.files);
}

/** Sends the row's bytes on a fresh connection and checks everything the row promises. */
export async function runRow(server: ServerProcess, row: Row): Promise<Response> {
  const client = await server.connect();
  try {
    const bytes = fill(row.request, server);
    await client.send(bytes, row.methods);
    const response = await client.response();
    check(response, { status: response.status }, { status: row.status });
    const method = row.methods?.[0] ?? bytes.subarray(0, bytes.indexOf(0x20)).toString('latin1');
    expectCommonHeaders(response, method);
    for (const [name, want] of Object.entries(row.headers ?? {})) {
      const got = response.header(name);
      if (want === null) check(response, { [name]: got }, { [name]: undefined });
      else if (typeof want === 'string') check(response, { [name]: got }, { [name]: want });
      // A pattern sees an absent header as '', so /^(inline)?$/ accepts "absent or inline".
      else check(response, { [name]: got ?? '' }, { [name]: expect.stringMatching(want) });
    }
    const body = row.body ?? (row.status >= 400 ? 'html' : undefined);
    if (body !== undefined) expectBody(response, body, server.site.files);
    expect(response.body.toString('latin1')).not.toContain(server.site.secret);
    if (row.close === true) {
      expectConnectionHeaders(response, false);
      await client.waitClosed();
    } else if (row.close === false) {
      expectConnectionHeaders(response, true);
      await expectStillServing(client, server);
    }
    return response;
  } finally {
    client.destroy();
  }
}
