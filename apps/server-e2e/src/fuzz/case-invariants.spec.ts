// The fuzz invariants catch what they promise to: each row is a request, a made-up server
// answer and the violation that must be reported (or none), with no server involved.
import { createFixtureSite, type FixtureSite } from '../harness/fixture-site';
import { checkCase, fileFor } from './case-invariants';
import { UploadLedger } from './upload-ledger';
import type { Exchange } from './send-case';

const DATE = 'Fri, 27 Nov 2026 12:00:00 GMT';

function response(status: number, body: string | Buffer, extra: Record<string, string> = {}, close = false): Buffer {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'latin1') : body;
  const headers: Record<string, string> = {
    'Content-Type': status >= 400 ? 'text/html; charset=utf-8' : 'text/plain; charset=utf-8',
    'Content-Length': String(bytes.length),
    'Server': 'mths',
    'Date': DATE,
    ...(close ? { Connection: 'close' } : { 'Connection': 'keep-alive', 'Keep-Alive': 'timeout=5, max=99' }),
    ...extra,
  };
  const head = Object.entries(headers).filter(([, value]) => value !== '').map(([name, value]) => `${name}: ${value}\r\n`).join('');
  return Buffer.concat([Buffer.from(`HTTP/1.1 ${status} X\r\n${head}\r\n`, 'latin1'), bytes]);
}

let site: FixtureSite;
beforeAll(() => {
  site = createFixtureSite();
});
afterAll(() => site.remove());

function problems(request: string, received: Buffer, exchange: Partial<Exchange> = {}): readonly string[] {
  const bytes = Buffer.from(request, 'latin1');
  const full: Exchange = { received, closed: true, errorCode: null, closeMs: 1, ...exchange };
  return checkCase({ bytes, writes: [bytes] }, full, site, new UploadLedger()).problems;
}

const GET_HELLO = 'GET /hello.txt HTTP/1.1\r\nHost: h\r\n\r\n';
const hello = (): Buffer => site.files.get('hello.txt')!;

describe('fuzz case invariants', () => {
  test('a right answer passes', () => {
    expect(problems(GET_HELLO, response(200, hello()))).toEqual([]);
  });

  test.each([
    ['the server did not close', () => problems(GET_HELLO, response(200, hello()), { closed: false }), /did not close/],
    ['a reset', () => problems(GET_HELLO, response(200, hello()), { errorCode: 'ECONNRESET' }), /ECONNRESET/],
    ['a status SPEC does not allow', () => problems(GET_HELLO, response(500, 'oops')), /status 500/],
    ['no Date', () => problems(GET_HELLO, response(200, hello(), { Date: '' })), /no valid Date/],
    ['no Server', () => problems(GET_HELLO, response(200, hello(), { Server: '' })), /no Server/],
    ['two Content-Lengths', () => problems(GET_HELLO, response(200, hello(), { 'content-length': String(hello().length) })), /not exactly one number/],
    ['Content-Length too short', () => problems(GET_HELLO, response(200, hello(), { 'Content-Length': '3' })), /not complete HTTP\/1.1 responses|not the named file/],
    ['a half-sent body', () => problems(GET_HELLO, response(200, hello()).subarray(0, -2)), /not complete HTTP\/1.1 responses/],
    ['the wrong file', () => problems(GET_HELLO, response(200, site.files.get('about.html')!)), /not the named file/],
    ['the secret', () => problems(GET_HELLO, response(404, `<html>${site.secret}</html>`)), /secret/],
    ['no answer to the 2nd pipelined request', () => problems(GET_HELLO + GET_HELLO, response(200, hello())), /1 response\(s\) for 2 complete request\(s\)/],
    ['an answer after Connection: close', () => problems(GET_HELLO + GET_HELLO, Buffer.concat([response(200, hello(), {}, true), response(200, hello())])), /expected 1/],
    ['keep-alive to HTTP/1.0', () => problems('GET /hello.txt HTTP/1.0\r\n\r\n', response(200, hello())), /does not say close/],
    ['a body on a HEAD answer', () => problems('HEAD /hello.txt HTTP/1.1\r\nHost: h\r\n\r\n', response(200, hello())), /not complete HTTP\/1.1 responses/],
    ['a 200 for a parse error', () => problems('GET / HTTP/1.1\r\nHost: h\r\nBad Name: x\r\n\r\n', response(200, site.files.get('index.html')!, {}, true)), /SPEC says 400/],
    ['no answer to a parse error', () => problems('GET / HTTP/1.1\r\nHost: h\r\nX: a\x00b\r\n\r\n', Buffer.alloc(0)), /0 response\(s\) .* HPE_INVALID_HEADER_VALUE; expected 1/],
    ['a 405 without Allow', () => problems('PUT / HTTP/1.1\r\nHost: h\r\n\r\n', response(405, '<html></html>')), /405 without Allow/],
    ['a 201 with no stored file', () => problems('POST /upload HTTP/1.1\r\nHost: h\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}', response(201, '{}', { Location: '/uploads/upload_x.json' })), /cannot be read/],
  ])('reports %s', (_name, run, pattern) => {
    expect(run().join('\n')).toMatch(pattern);
  });

  test('a HEAD answer has the file length and no body; a half-sent request gets nothing', () => {
    expect(problems('HEAD /hello.txt HTTP/1.1\r\nHost: h\r\n\r\n', response(200, hello()).subarray(0, -hello().length))).toEqual([]);
    expect(problems('GET /hello.txt HTTP/1.1\r\nHost:', Buffer.alloc(0))).toEqual([]);
  });

  test('fileFor decodes the target the plain way and refuses escapes', () => {
    expect(fileFor('/h%65llo.txt?x=1', site.files)).toBe(hello());
    expect(fileFor('http://127.0.0.1:1/docs/', site.files)).toBe(site.files.get('docs/index.html'));
    expect(fileFor('/docs', site.files)).toBe(site.files.get('docs/index.html'));
    expect(fileFor('/docs/../hello.txt', site.files)).toBeUndefined();
    expect(fileFor('/%zz', site.files)).toBeUndefined();
  });
});
