import { HttpRequestBuilder, requestHead, type RequestHeadOptions } from './http-request-builder';
import type { HeaderInput } from './header-list';

const text = (head: Buffer): string => head.toString('latin1');

describe('requestHead', () => {
  it.each<[string, string, string, HeaderInput, RequestHeadOptions, string[]]>([
    ['simple GET', 'GET', '/', [], { host: 'localhost:8080' }, ['GET / HTTP/1.1', 'Host: localhost:8080']],
    [
      'headers cased canonically, Host first even when passed among them',
      'GET',
      '/hello.txt?x=1',
      [['accept', '*/*'], ['host', '127.0.0.1:9'], ['user-agent', 'mths-client']],
      {},
      ['GET /hello.txt?x=1 HTTP/1.1', 'Host: 127.0.0.1:9', 'Accept: */*', 'User-Agent: mths-client'],
    ],
    [
      'record input and Content-Length',
      'POST',
      '/upload',
      { 'content-type': 'application/json' },
      { host: 'h', contentLength: 13 },
      ['POST /upload HTTP/1.1', 'Host: h', 'Content-Type: application/json', 'Content-Length: 13'],
    ],
    ['Content-Length 0', 'POST', '/upload', [], { host: 'h', contentLength: 0 }, ['POST /upload HTTP/1.1', 'Host: h', 'Content-Length: 0']],
    ['chunked', 'POST', '/upload', [], { host: 'h', chunked: true }, ['POST /upload HTTP/1.1', 'Host: h', 'Transfer-Encoding: chunked']],
    ['close', 'GET', '/', [], { host: 'h', close: true }, ['GET / HTTP/1.1', 'Host: h', 'Connection: close']],
    ['HTTP/1.0 without Host', 'GET', '/', [], { version: '1.0' }, ['GET / HTTP/1.0']],
    ['absolute-form target', 'GET', 'http://example.com/a', [], { host: 'example.com' }, ['GET http://example.com/a HTTP/1.1', 'Host: example.com']],
    ['asterisk-form', 'OPTIONS', '*', [], { host: 'h' }, ['OPTIONS * HTTP/1.1', 'Host: h']],
    ['repeated headers kept', 'GET', '/', [['x-a', 1], ['X-A', 2]], { host: 'h' }, ['GET / HTTP/1.1', 'Host: h', 'X-A: 1', 'X-A: 2']],
  ])('%s', (_name, method, target, headers, options, expected) => {
    expect(text(requestHead(method, target, headers, options))).toBe(`${expected.join('\r\n')}\r\n\r\n`);
  });

  it.each<[string, () => unknown, string]>([
    ['a method with a space', () => requestHead('GE T', '/', [], { host: 'h' }), 'RB_INVALID_METHOD'],
    ['an empty method', () => requestHead('', '/', [], { host: 'h' }), 'RB_INVALID_METHOD'],
    ['a method with CRLF', () => requestHead('GET\r\n', '/', [], { host: 'h' }), 'RB_INVALID_METHOD'],
    ['an empty target', () => requestHead('GET', '', [], { host: 'h' }), 'RB_INVALID_TARGET'],
    ['a target with a space', () => requestHead('GET', '/a b', [], { host: 'h' }), 'RB_INVALID_TARGET'],
    ['a target with CRLF', () => requestHead('GET', '/\r\nX: y', [], { host: 'h' }), 'RB_INVALID_TARGET'],
    ['a non-ASCII target', () => requestHead('GET', '/é', [], { host: 'h' }), 'RB_INVALID_TARGET'],
    ['HTTP/1.1 without Host', () => requestHead('GET', '/'), 'RB_MISSING_HOST'],
    ['an empty Host', () => requestHead('GET', '/', [], { host: '' }), 'RB_MISSING_HOST'],
    ['Host with CRLF', () => requestHead('GET', '/', [['Host', 'h\r\nX: y']]), 'RB_INVALID_HEADER'],
    ['Content-Length and chunked', () => requestHead('POST', '/', [], { host: 'h', contentLength: 1, chunked: true }), 'RB_CONFLICTING_FRAMING'],
    ['a negative Content-Length', () => requestHead('POST', '/', [], { host: 'h', contentLength: -1 }), 'RB_INVALID_CONTENT_LENGTH'],
  ])('refuses %s', (_name, build, code) => {
    expect(build).toThrow(expect.objectContaining({ code }));
  });
});

describe('HttpRequestBuilder', () => {
  it('builds the same bytes as requestHead', () => {
    const fluent = new HttpRequestBuilder('POST', '/upload')
      .header('content-type', 'application/json')
      .host('localhost:8080')
      .contentLength(2)
      .toBuffer();
    const oneCall = requestHead('POST', '/upload', [['content-type', 'application/json']], {
      host: 'localhost:8080',
      contentLength: 2,
    });
    expect(text(fluent)).toBe(text(oneCall));
  });

  it('replaces the Host when set twice', () => {
    expect(text(new HttpRequestBuilder('GET', '/').host('a').header('HOST', 'b').toBuffer())).toBe(
      'GET / HTTP/1.1\r\nHost: b\r\n\r\n',
    );
  });

  it('keepAlive() asks for persistence only on HTTP/1.0, where it is not the default', () => {
    expect(text(new HttpRequestBuilder('GET', '/', '1.0').keepAlive().toBuffer())).toBe(
      'GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n',
    );
    expect(text(new HttpRequestBuilder('GET', '/').host('h').close().keepAlive().toBuffer())).toBe(
      'GET / HTTP/1.1\r\nHost: h\r\n\r\n',
    );
  });
});
