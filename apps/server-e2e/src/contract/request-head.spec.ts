// SPEC §3 "Request line and headers", run against every implementation: versions, Host
// checks, malformed heads, request smuggling shapes and size limits (RFC 9112 §2-§7, RFC 9110 §7.2).
import { runRow, type Row } from '../harness/contract-row';
import { IMPLEMENTATIONS } from '../harness/implementations';
import { useServer } from '../harness/use-server';

const ok = (cite: string, name: string, request: string, close?: boolean): Row => ({ cite, name, request, status: 200, body: { file: 'index.html' }, close });
const bad = (cite: string, name: string, request: string, status = 400): Row => ({ cite, name, request, status, close: true });

const versions: Row[] = [
  ok('RFC 9112 §9.3: HTTP/1.1 persists by default', 'HTTP/1.1', 'GET / HTTP/1.1\r\nHost: {host}\r\n\r\n', false),
  ok('RFC 9112 §9.3: HTTP/1.0 closes by default', 'HTTP/1.0 without Host', 'GET / HTTP/1.0\r\n\r\n', true),
  ok('RFC 9112 §9.3: HTTP/1.0 closes by default', 'HTTP/1.0 with Host', 'GET / HTTP/1.0\r\nHost: {host}\r\n\r\n', true),
  ok('RFC 9112 §9.3: HTTP/1.0 keep-alive', 'HTTP/1.0 + Connection: keep-alive', 'GET / HTTP/1.0\r\nHost: {host}\r\nConnection: keep-alive\r\n\r\n', false),
  { cite: 'RFC 9110 §15.6.6', name: 'HTTP/2.0 -> 505', request: 'GET / HTTP/2.0\r\nHost: {host}\r\n\r\n', status: 505 },
  { cite: 'RFC 9110 §15.6.6', name: 'HTTP/1.2 -> 505', request: 'GET / HTTP/1.2\r\nHost: {host}\r\n\r\n', status: 505 },
  { cite: 'RFC 9110 §15.6.6', name: 'HTTP/3.0 -> 505', request: 'GET / HTTP/3.0\r\nHost: {host}\r\n\r\n', status: 505 },
];

const hosts: Row[] = [
  { cite: 'RFC 9112 §3.2', name: 'HTTP/1.1 without Host -> 400', request: 'GET / HTTP/1.1\r\n\r\n', status: 400 },
  { cite: 'RFC 9112 §3.2', name: 'two Host fields -> 400', request: 'GET / HTTP/1.1\r\nHost: {host}\r\nHost: {host}\r\n\r\n', status: 400 },
  { cite: 'SPEC: allow-list', name: 'Host: evil.example -> 403', request: 'GET / HTTP/1.1\r\nHost: evil.example\r\n\r\n', status: 403 },
  { cite: 'SPEC: allow-list', name: 'Host: evil.example:{port} -> 403', request: 'GET / HTTP/1.1\r\nHost: evil.example:{port}\r\n\r\n', status: 403 },
  { cite: 'SPEC: allow-list', name: 'Host with another port -> 403', request: 'GET / HTTP/1.1\r\nHost: 127.0.0.1:1\r\n\r\n', status: 403 },
  { cite: 'SPEC: no port means port 80 only', name: 'Host: 127.0.0.1 -> 403', request: 'GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n', status: 403 },
  { cite: 'SPEC: allow-list on HTTP/1.0 too', name: 'HTTP/1.0 Host: evil.example -> 403', request: 'GET / HTTP/1.0\r\nHost: evil.example\r\n\r\n', status: 403 },
  ok('SPEC: loopback binds accept localhost', 'Host: localhost:{port}', 'GET / HTTP/1.1\r\nHost: localhost:{port}\r\n\r\n', false),
  ok('SPEC: names compare case-insensitively', 'Host: LocalHost:{port}', 'GET / HTTP/1.1\r\nHost: LocalHost:{port}\r\n\r\n'),
  ok('SPEC: --allowed-host adds a name', 'Host: example.test:{port}', 'GET / HTTP/1.1\r\nHost: example.test:{port}\r\n\r\n'),
  ok('SPEC: --allowed-host, any case', 'Host: EXAMPLE.test:{port}', 'GET / HTTP/1.1\r\nHost: EXAMPLE.test:{port}\r\n\r\n'),
  { cite: 'SPEC: no port means port 80 only', name: 'Host: example.test -> 403', request: 'GET / HTTP/1.1\r\nHost: example.test\r\n\r\n', status: 403 },
];

const malformed: Row[] = [
  bad('RFC 9112 §3', 'request line without a version', 'GET /\r\nHost: {host}\r\n\r\n'),
  bad('RFC 9112 §3', 'two spaces in the request line', 'GET  / HTTP/1.1\r\nHost: {host}\r\n\r\n'),
  bad('RFC 9112 §2.3', 'lower-case version', 'GET / http/1.1\r\nHost: {host}\r\n\r\n'),
  bad('RFC 9112 §3.2', 'space in the target', 'GET /a b HTTP/1.1\r\nHost: {host}\r\n\r\n'),
  bad('RFC 9112 §5.2', 'obs-fold', 'GET / HTTP/1.1\r\nHost: {host}\r\nX-A: one\r\n two\r\n\r\n'),
  bad('RFC 9112 §2.2', 'bare CR in a header', 'GET / HTTP/1.1\r\nHost: {host}\r\nX-A: a\rb\r\n\r\n'),
  bad('RFC 9110 §5.5', 'NUL in a header value', 'GET / HTTP/1.1\r\nHost: {host}\r\nX-A: a\x00b\r\n\r\n'),
  bad('RFC 9112 §5.1', 'space before the colon', 'GET / HTTP/1.1\r\nHost: {host}\r\nX-A : a\r\n\r\n'),
  bad('RFC 9110 §5.1', 'invalid header name', 'GET / HTTP/1.1\r\nHost: {host}\r\nBad@Name: a\r\n\r\n'),
  bad('RFC 9112 §5', 'header line without a colon', 'GET / HTTP/1.1\r\nHost: {host}\r\nNoColon\r\n\r\n'),
];

const smuggling: Row[] = [
  bad('RFC 9112 §6.1', 'Content-Length and Transfer-Encoding', 'POST /upload HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\nContent-Length: 6\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n'),
  bad('RFC 9112 §6.3', 'two different Content-Lengths', 'POST /upload HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}x'),
  bad('RFC 9112 §6.3', 'a Content-Length list of different values', 'POST /upload HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\nContent-Length: 2, 3\r\n\r\n{}x'),
  bad('RFC 9112 §6.3', 'a signed Content-Length', 'POST /upload HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\nContent-Length: +2\r\n\r\n{}'),
  bad('RFC 9112 §6.1', 'Transfer-Encoding: gzip', 'POST /upload HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\nTransfer-Encoding: gzip\r\n\r\n'),
  bad('RFC 9112 §6.1', 'Transfer-Encoding: chunked, gzip', 'POST /upload HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked, gzip\r\n\r\n2\r\n{}\r\n0\r\n\r\n'),
  bad('RFC 9112 §6.1', 'Transfer-Encoding: chunked twice (two lines)', 'POST /upload HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n'),
  bad('RFC 9112 §6.1', 'Transfer-Encoding: chunked, chunked', 'POST /upload HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked, chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n'),
  bad('RFC 9112 §7.1', 'a chunk size that is not hex', 'POST /upload HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n'),
];

const longTarget = `/${'a'.repeat(8 * 1024 + 10)}.html`;
const bigHeader = `X-Big: ${'b'.repeat(16 * 1024 + 10)}\r\n`;
const manyFields = Array.from({ length: 101 }, (_, i) => `X-F${i}: v\r\n`).join('');
const limits: Row[] = [
  { cite: 'RFC 9112 §3, RFC 9110 §15.5.15', name: 'request line over 8 KiB -> 414', request: `GET ${longTarget} HTTP/1.1\r\nHost: {host}\r\n\r\n`, status: 414, close: true },
  { cite: 'RFC 6585 §5', name: 'headers over 16 KiB -> 431', request: `GET / HTTP/1.1\r\nHost: {host}\r\n${bigHeader}\r\n`, status: 431, close: true },
  { cite: 'RFC 6585 §5', name: '101 header fields -> 431', request: `GET / HTTP/1.1\r\nHost: {host}\r\n${manyFields}\r\n`, status: 431, close: true },
  ok('RFC 6585 §5: at the limit is fine', '99 fields + Host', `GET / HTTP/1.1\r\nHost: {host}\r\n${manyFields.split('\r\n').slice(0, 99).join('\r\n')}\r\n\r\n`, false),
  { cite: 'RFC 9110 §15.5.14', name: 'GET body over --max-body -> 413', request: `GET / HTTP/1.1\r\nHost: {host}\r\nContent-Length: 2000\r\n\r\n${'z'.repeat(2000)}`, status: 413, close: true },
];

describe.each(IMPLEMENTATIONS)('request line and headers: $name', (impl) => {
  const server = useServer(impl, { flags: ['--allowed-host', 'example.test', '--max-body', '1k'] });

  test.each(versions)('$cite: $name -> $status', (row) => runRow(server(), row).then(() => undefined));
  test.each(hosts)('$cite: $name -> $status', (row) => runRow(server(), row).then(() => undefined));
  test.each(malformed)('$cite: $name -> 400 and close', (row) => runRow(server(), row).then(() => undefined));
  test.each(smuggling)('$cite: $name -> 400 and close', (row) => runRow(server(), row).then(() => undefined));
  test.each(limits)('$cite: $name -> $status', (row) => runRow(server(), row).then(() => undefined));
});
