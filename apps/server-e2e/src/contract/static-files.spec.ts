// SPEC §3 "GET and HEAD", run against every implementation: which file a target serves, its
// type and disposition, exact lengths and bytes, HEAD, 404/415 (RFC 9110 §9.3.1, §9.3.2, §8.3, §8.6).
import { utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expectBody, expectCommonHeaders, get, runRow, type Row } from '../harness/contract-row';
import { IMPLEMENTATIONS } from '../harness/implementations';
import { useServer } from '../harness/use-server';

const HTML = /^text\/html; ?charset=utf-8$/i;
const attachment = (name: string): string => `attachment; filename="${name}"`;
/** SPEC: html is shown inline: no Content-Disposition, or an inline one. */
const INLINE = /^(inline\b.*)?$/;

const rows: Row[] = [
  { cite: 'SPEC: / serves index.html', name: 'GET /', request: 'GET / HTTP/1.1\r\nHost: {host}\r\n\r\n', status: 200, headers: { 'content-type': HTML, 'content-disposition': INLINE }, body: { file: 'index.html' }, close: false },
  { cite: 'RFC 9110 §9.3.1', name: 'GET /index.html', request: 'GET /index.html HTTP/1.1\r\nHost: {host}\r\n\r\n', status: 200, headers: { 'content-type': HTML }, body: { file: 'index.html' } },
  { cite: 'SPEC: .html inline', name: 'GET /about.html', request: 'GET /about.html HTTP/1.1\r\nHost: {host}\r\n\r\n', status: 200, headers: { 'content-type': HTML, 'content-disposition': INLINE }, body: { file: 'about.html' } },
  { cite: 'SPEC: other types are attachments', name: 'GET /hello.txt', request: 'GET /hello.txt HTTP/1.1\r\nHost: {host}\r\n\r\n', status: 200, headers: { 'content-type': /^text\/plain; ?charset=utf-8$/i, 'content-disposition': attachment('hello.txt') }, body: { file: 'hello.txt' } },
  { cite: 'SPEC: real MIME type', name: 'GET /logo.png', request: 'GET /logo.png HTTP/1.1\r\nHost: {host}\r\n\r\n', status: 200, headers: { 'content-type': 'image/png', 'content-disposition': attachment('logo.png') }, body: { file: 'logo.png' } },
  { cite: 'SPEC: bodies byte-identical, 1.5 MiB', name: 'GET /large.txt', request: 'GET /large.txt HTTP/1.1\r\nHost: {host}\r\n\r\n', status: 200, headers: { 'content-disposition': attachment('large.txt') }, body: { file: 'large.txt' }, close: false },
  { cite: 'SPEC: a folder with index.html', name: 'GET /docs/', request: 'GET /docs/ HTTP/1.1\r\nHost: {host}\r\n\r\n', status: 200, headers: { 'content-type': HTML }, body: { file: 'docs/index.html' } },
  { cite: 'SPEC: nested file', name: 'GET /docs/guide.txt', request: 'GET /docs/guide.txt HTTP/1.1\r\nHost: {host}\r\n\r\n', status: 200, headers: { 'content-disposition': attachment('guide.txt') }, body: { file: 'docs/guide.txt' } },
  { cite: 'SPEC: a symlink inside the root', name: 'GET /link-inside.txt', request: 'GET /link-inside.txt HTTP/1.1\r\nHost: {host}\r\n\r\n', status: 200, body: { file: 'link-inside.txt' } },
  { cite: 'SPEC: query ignored', name: 'GET /hello.txt?x=1&y=2', request: 'GET /hello.txt?x=1&y=2 HTTP/1.1\r\nHost: {host}\r\n\r\n', status: 200, body: { file: 'hello.txt' } },
  { cite: 'SPEC: query ignored', name: 'GET /?q=../../etc/passwd', request: 'GET /?q=../../etc/passwd HTTP/1.1\r\nHost: {host}\r\n\r\n', status: 200, body: { file: 'index.html' } },
  { cite: 'RFC 3986 §2.1: percent-decoded path', name: 'GET /hell%6f.txt', request: 'GET /hell%6f.txt HTTP/1.1\r\nHost: {host}\r\n\r\n', status: 200, body: { file: 'hello.txt' } },
  { cite: 'RFC 9110 §15.5.5', name: 'missing file -> 404', request: 'GET /missing.html HTTP/1.1\r\nHost: {host}\r\n\r\n', status: 404, body: 'html', close: false },
  { cite: 'RFC 9110 §15.5.5', name: 'missing folder file -> 404', request: 'GET /docs/missing.txt HTTP/1.1\r\nHost: {host}\r\n\r\n', status: 404, body: 'html' },
  { cite: 'SPEC: folder without index.html', name: 'GET /empty-folder/ -> 404', request: 'GET /empty-folder/ HTTP/1.1\r\nHost: {host}\r\n\r\n', status: 404, body: 'html' },
  { cite: 'SPEC: folder without index.html', name: 'GET /empty-folder -> 404', request: 'GET /empty-folder HTTP/1.1\r\nHost: {host}\r\n\r\n', status: 404, body: 'html' },
  { cite: 'RFC 9110 §15.5.16: extension not allowed', name: 'GET /script.js -> 415', request: 'GET /script.js HTTP/1.1\r\nHost: {host}\r\n\r\n', status: 415, body: 'html', close: false },
  { cite: 'SPEC: --allow-ext widens the list', name: 'GET /notes.md with --allow-ext md', request: 'GET /notes.md HTTP/1.1\r\nHost: {host}\r\n\r\n', status: 200, headers: { 'content-type': /^text\/markdown/i, 'content-disposition': attachment('notes.md') }, body: { file: 'notes.md' } },
  { cite: 'RFC 9110 §9.3.2: HEAD of a 404', name: 'HEAD /missing.html -> 404, no body', request: 'HEAD /missing.html HTTP/1.1\r\nHost: {host}\r\n\r\n', status: 404, body: 'none', close: false },
];

const HEAD_TARGETS = ['/', '/about.html', '/hello.txt', '/logo.png', '/large.txt', '/docs/'];

describe.each(IMPLEMENTATIONS)('GET and HEAD: $name', (impl) => {
  const server = useServer(impl, { flags: ['--allow-ext', 'md'] });

  test.each(rows)('$cite: $name -> $status', async (row) => {
    await runRow(server(), row);
  });

  // RFC 9110 §9.3.2: the same status and fields as GET, and no content. The follow-up GET on
  // the same connection proves no body bytes were sent (they would corrupt its framing).
  test.each(HEAD_TARGETS)('RFC 9110 §9.3.2: HEAD %s has the GET headers and no body', async (target) => {
    const client = await server().connect();
    await client.send(get(target, server()));
    const full = await client.response();
    await client.send(`HEAD ${target} HTTP/1.1\r\nHost: ${server().hostHeader}\r\n\r\n`);
    const head = await client.response();
    await client.send(get('/hello.txt', server()));
    const after = await client.response();
    client.destroy();

    expect(head.status).toBe(full.status);
    expect(head.body.length).toBe(0);
    expectCommonHeaders(head, 'HEAD');
    const fields = (response: typeof full): Array<[string, readonly string[]]> =>
      [...response.headers].filter(([name]) => name !== 'date' && name !== 'keep-alive');
    expect(fields(head)).toEqual(fields(full));
    expect(head.header('content-length')).toBe(String(full.body.length));
    expectBody(after, { file: 'hello.txt' }, server().site.files);
  });

  // SPEC: bodies are byte-identical to the file. The cache re-checks a file (size, mtime, inode)
  // once per event-loop turn, so an edit made before a request is what that request gets.
  test('SPEC: a cached file edited between two requests is served fresh', async () => {
    const site = server().site;
    const file = join(site.root, 'edited.txt');
    site.addFile('edited.txt', Buffer.from('first version\n'));
    const client = await server().connect();
    const fetch = async (): Promise<string> => {
      await client.send(get('/edited.txt', server()));
      const response = await client.response();
      expect(response.status).toBe(200);
      expect(response.header('content-length')).toBe(String(response.body.length));
      return response.body.toString('latin1');
    };
    expect(await fetch()).toBe('first version\n');
    expect(await fetch()).toBe('first version\n');
    writeFileSync(file, 'FIRST VERSION\n'); // the same size: only the mtime tells
    const later = new Date(Date.now() + 60_000);
    utimesSync(file, later, later);
    expect(await fetch()).toBe('FIRST VERSION\n');
    writeFileSync(file, 'a second, longer version\n');
    expect(await fetch()).toBe('a second, longer version\n');
    client.destroy();
  });
});
