// SPEC §3 "POST /upload", run against every implementation: JSON by Content-Length and
// chunked -> 201 with Location and the exact body, the file byte-identical on disk; the
// error rows (RFC 9110 §9.3.3, §15.3.2, §15.5.6, §15.5.14, §15.5.16; RFC 9112 §7.1).
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { runRow, type Row } from '../harness/contract-row';
import { IMPLEMENTATIONS } from '../harness/implementations';
import type { Response } from '../harness/response';
import type { ServerProcess } from '../harness/server-process';
import { useServer } from '../harness/use-server';

const LOCATION = /^\/uploads\/upload_[^/]*\d[^/]*_[A-Za-z0-9-]+\.json$/;

function post(body: string, type = 'application/json', target = '/upload'): string {
  return `POST ${target} HTTP/1.1\r\nHost: {host}\r\nContent-Type: ${type}\r\nContent-Length: ${Buffer.byteLength(body, 'latin1')}\r\n\r\n${body}`;
}

/** Chunked framing of `pieces` (RFC 9112 §7.1). */
function chunked(pieces: readonly string[], type = 'application/json'): string {
  const chunks = pieces.map((piece) => `${Buffer.byteLength(piece, 'latin1').toString(16)}\r\n${piece}\r\n`).join('');
  return `POST /upload HTTP/1.1\r\nHost: {host}\r\nContent-Type: ${type}\r\nTransfer-Encoding: chunked\r\n\r\n${chunks}0\r\n\r\n`;
}

/** A JSON document of exactly `size` bytes. */
function jsonOfSize(size: number): string {
  const shell = '{"pad":""}';
  return `{"pad":"${'x'.repeat(size - shell.length)}"}`;
}

/** 201, the exact success body, Location, and the file on disk byte-identical to `sent`. */
function expectStored(server: ServerProcess, response: Response, sent: string): void {
  const location = response.header('location') ?? '';
  expect(location).toMatch(LOCATION);
  expect(response.header('content-type')).toMatch(/^application\/json\b/i);
  expect(response.body.toString('utf8')).toBe(JSON.stringify({ status: 'success', message: 'File created successfully', filepath: location }));
  const stored = readFileSync(join(server.site.uploads, basename(location)));
  expect(stored.toString('latin1')).toBe(sent);
}

const accepted: Array<{ name: string; request: string; sent: string }> = [
  { name: 'Content-Length body', request: post('{"hello":"world","n":[1,2,3]}'), sent: '{"hello":"world","n":[1,2,3]}' },
  { name: 'chunked body, split inside a token', request: chunked(['{"hel', 'lo":"wor', 'ld","n":[1,', '2,3]}']), sent: '{"hello":"world","n":[1,2,3]}' },
  { name: 'Content-Type with parameters', request: post('[1,2,3]', 'application/json; charset=utf-8'), sent: '[1,2,3]' },
  { name: 'Content-Type in other case', request: post('{"a":1}', 'Application/JSON'), sent: '{"a":1}' },
  { name: 'a JSON scalar', request: post('"just a string"'), sent: '"just a string"' },
  { name: 'UTF-8 text kept byte for byte', request: post(Buffer.from('{"caf\u00e9":"\u2713"}', 'utf8').toString('latin1')), sent: Buffer.from('{"caf\u00e9":"\u2713"}', 'utf8').toString('latin1') },
  { name: 'exactly --max-body bytes (1024)', request: post(jsonOfSize(1024)), sent: jsonOfSize(1024) },
  { name: 'chunked, exactly --max-body bytes', request: chunked([jsonOfSize(1024).slice(0, 500), jsonOfSize(1024).slice(500)]), sent: jsonOfSize(1024) },
];

const refused: Row[] = [
  { cite: 'SPEC: invalid JSON', name: 'truncated JSON -> 400 JSON', request: post('{"a":'), status: 400, body: 'json', close: false },
  { cite: 'SPEC: invalid JSON', name: 'not JSON at all -> 400 JSON', request: post('hello'), status: 400, body: 'json' },
  { cite: 'SPEC: empty body', name: 'Content-Length: 0 -> 400 JSON', request: post(''), status: 400, body: 'json' },
  { cite: 'SPEC: empty body', name: 'no body, no length -> 400 JSON', request: 'POST /upload HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\n\r\n', status: 400, body: 'json' },
  { cite: 'SPEC: empty body', name: 'chunked, no chunks -> 400 JSON', request: chunked([]), status: 400, body: 'json' },
  { cite: 'RFC 9110 §15.5.16', name: 'text/plain -> 415', request: post('{"a":1}', 'text/plain'), status: 415, body: 'json', close: false },
  { cite: 'RFC 9110 §15.5.16', name: 'application/jsonx -> 415', request: post('{"a":1}', 'application/jsonx'), status: 415, body: 'json' },
  { cite: 'RFC 9110 §15.5.16', name: 'no Content-Type -> 415', request: 'POST /upload HTTP/1.1\r\nHost: {host}\r\nContent-Length: 7\r\n\r\n{"a":1}', status: 415, body: 'json' },
  { cite: 'SPEC: POST elsewhere', name: 'POST / -> 404', request: post('{"a":1}', 'application/json', '/'), status: 404, close: false },
  { cite: 'SPEC: POST elsewhere', name: 'POST /uploads -> 404', request: post('{"a":1}', 'application/json', '/uploads'), status: 404 },
  { cite: 'SPEC: POST elsewhere', name: 'POST /upload/x -> 404', request: post('{"a":1}', 'application/json', '/upload/x'), status: 404 },
  { cite: 'RFC 9110 §15.5.6', name: 'PUT /upload -> 405', request: 'PUT /upload HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\nContent-Length: 7\r\n\r\n{"a":1}', status: 405, headers: { allow: /\bGET\b/ }, body: 'any', close: false },
  { cite: 'RFC 9110 §15.5.6', name: 'DELETE /hello.txt -> 405', request: 'DELETE /hello.txt HTTP/1.1\r\nHost: {host}\r\n\r\n', status: 405, headers: { allow: /\bHEAD\b/ } },
  { cite: 'RFC 9110 §15.5.6', name: 'PATCH / -> 405', request: 'PATCH / HTTP/1.1\r\nHost: {host}\r\nContent-Length: 0\r\n\r\n', status: 405, headers: { allow: /\bGET\b/ } },
  { cite: 'RFC 9110 §15.5.14', name: 'Content-Length over --max-body -> 413', request: post(jsonOfSize(1025)), status: 413, body: 'any', close: true },
  { cite: 'RFC 9110 §15.5.14', name: 'chunked over --max-body -> 413', request: chunked([jsonOfSize(1100).slice(0, 600), jsonOfSize(1100).slice(600)]), status: 413, body: 'any', close: true },
];

describe.each(IMPLEMENTATIONS)('POST /upload: $name', (impl) => {
  const server = useServer(impl, { flags: ['--max-body', '1k'] });

  test.each(accepted)('RFC 9110 §15.3.2: $name -> 201 and the file', async ({ request, sent }) => {
    const response = await runRow(server(), { cite: '', name: '', request, status: 201, close: false });
    expectStored(server(), response, sent);
  });

  test.each(refused)('$cite: $name -> $status', async (row) => {
    const before = server().site.listUploads();
    const response = await runRow(server(), row);
    // SPEC: "JSON for /upload errors", as jsonError() of @mths/response-builders makes them.
    if (row.body === 'json') {
      expect(JSON.parse(response.body.toString('utf8'))).toEqual({ status: 'error', code: row.status, message: expect.any(String) });
    }
    expect(server().site.listUploads()).toEqual(before);
  });

  test('SPEC: every upload gets its own file, even back to back on one connection', async () => {
    const client = await server().connect();
    const bodies = Array.from({ length: 5 }, (_, i) => `{"n":${i}}`);
    for (const body of bodies) await client.send(post(body).replaceAll('{host}', server().hostHeader));
    const locations: string[] = [];
    for (const body of bodies) {
      const response = await client.response();
      expect(response.status).toBe(201);
      expectStored(server(), response, body);
      locations.push(response.header('location')!);
    }
    client.destroy();
    expect(new Set(locations).size).toBe(bodies.length);
  });
});
