import { HttpResponseBuilder } from './http-response-builder';

// RFC 9110 §5.6.7 example instant: Sun, 06 Nov 1994 08:49:37 GMT.
const NOW = 784111777000;
const DATE = 'Date: Sun, 06 Nov 1994 08:49:37 GMT';

const lines = (head: Buffer): string[] => head.toString('latin1').split('\r\n');

describe('HttpResponseBuilder', () => {
  it('writes the whole head in order, ending in one blank line', () => {
    const head = new HttpResponseBuilder(404)
      .header('content-type', 'text/html; charset=utf-8')
      .contentLength(123)
      .keepAlive({ timeoutSeconds: 5, maxRequests: 100 })
      .toBuffer(NOW);
    expect(head.toString('latin1')).toBe(
      [
        'HTTP/1.1 404 Not Found',
        'Content-Type: text/html; charset=utf-8',
        'Content-Length: 123',
        'Server: mths',
        DATE,
        'Connection: keep-alive',
        'Keep-Alive: timeout=5, max=100',
        '',
        '',
      ].join('\r\n'),
    );
  });

  it.each([
    [0, 'Content-Length: 0'],
    [1, 'Content-Length: 1'],
    [20, 'Content-Length: 20'],
    [10 * 1024 * 1024, 'Content-Length: 10485760'],
    [Number.MAX_SAFE_INTEGER, `Content-Length: ${Number.MAX_SAFE_INTEGER}`],
  ])('Content-Length %d is written exactly', (length, line) => {
    expect(lines(new HttpResponseBuilder(200).contentLength(length).toBuffer(NOW))).toContain(line);
  });

  it.each([-1, 1.5, Number.NaN, Infinity, 2 ** 53])('Content-Length %d is refused', (length) => {
    expect(() => new HttpResponseBuilder(200).contentLength(length)).toThrow(
      expect.objectContaining({ code: 'RB_INVALID_CONTENT_LENGTH' }),
    );
  });

  it.each([
    ['keep-alive', (b: HttpResponseBuilder) => b.keepAlive({ timeoutSeconds: 5, maxRequests: 100 }), ['Connection: keep-alive', 'Keep-Alive: timeout=5, max=100']],
    ['keep-alive 30/1', (b: HttpResponseBuilder) => b.keepAlive({ timeoutSeconds: 30, maxRequests: 1 }), ['Connection: keep-alive', 'Keep-Alive: timeout=30, max=1']],
    ['close', (b: HttpResponseBuilder) => b.close(), ['Connection: close']],
    ['close after keep-alive', (b: HttpResponseBuilder) => b.keepAlive({ timeoutSeconds: 5, maxRequests: 9 }).close(), ['Connection: close']],
    ['keep-alive after close', (b: HttpResponseBuilder) => b.close().keepAlive({ timeoutSeconds: 1, maxRequests: 2 }), ['Connection: keep-alive', 'Keep-Alive: timeout=1, max=2']],
    ['neither', (b: HttpResponseBuilder) => b, []],
  ])('connection lines: %s', (_name, apply, expected) => {
    const all = lines(apply(new HttpResponseBuilder(200)).toBuffer(NOW));
    const connection = all.filter((line) => /^(Connection|Keep-Alive):/.test(line));
    expect(connection).toEqual(expected);
    // They are the last lines, right before the blank line.
    expect(all.slice(all.length - 2 - expected.length)).toEqual([...expected, '', '']);
  });

  it('lets an explicit Connection header replace keepAlive()/close()', () => {
    const all = lines(new HttpResponseBuilder(200).close().header('connection', 'upgrade').toBuffer(NOW));
    expect(all.filter((line) => line.startsWith('Connection'))).toEqual(['Connection: upgrade']);
  });

  it('uses the Server name from options, .server(), or an explicit header, and never twice', () => {
    expect(lines(new HttpResponseBuilder(200, { server: 'other' }).toBuffer(NOW))).toContain('Server: other');
    expect(lines(new HttpResponseBuilder(200).server('x/1.0').toBuffer(NOW))).toContain('Server: x/1.0');
    const explicit = lines(new HttpResponseBuilder(200).header('server', 'mine').toBuffer(NOW));
    expect(explicit.filter((line) => line.startsWith('Server:'))).toEqual(['Server: mine']);
  });

  it('adds Date for the given instant unless one was set', () => {
    expect(lines(new HttpResponseBuilder(200).toBuffer(NOW))).toContain(DATE);
    const explicit = lines(new HttpResponseBuilder(200).header('Date', 'Thu, 01 Jan 1970 00:00:00 GMT').toBuffer(NOW));
    expect(explicit.filter((line) => line.startsWith('Date:'))).toEqual(['Date: Thu, 01 Jan 1970 00:00:00 GMT']);
  });

  it('header() replaces, appendHeader() repeats, casing is canonical', () => {
    const all = lines(
      new HttpResponseBuilder(200)
        .header('content-type', 'text/plain')
        .header('CONTENT-TYPE', 'text/html')
        .appendHeader('set-cookie', 'a=1')
        .appendHeader('Set-Cookie', 'b=2')
        .header('etag', '"abc"')
        .toBuffer(NOW),
    );
    expect(all.slice(1, 5)).toEqual(['Content-Type: text/html', 'Set-Cookie: a=1', 'Set-Cookie: b=2', 'ETag: "abc"']);
  });

  it('writes Content-Disposition through the RFC 6266 encoder', () => {
    const all = lines(new HttpResponseBuilder(200).contentDisposition('attachment', 'report é.txt').toBuffer(NOW));
    expect(all).toContain(`Content-Disposition: attachment; filename="report e.txt"; filename*=UTF-8''report%20%C3%A9.txt`);
  });

  it('writes obs-text values byte for byte as latin1', () => {
    const head = new HttpResponseBuilder(200).header('X-Latin', 'caf\u00e9').toBuffer(NOW);
    expect(head.includes(Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0d, 0x0a]))).toBe(true);
  });

  it.each([
    ['Content-Length with chunked', (b: HttpResponseBuilder) => b.contentLength(1).chunked(), 'RB_CONFLICTING_FRAMING'],
    ['two Content-Lengths', (b: HttpResponseBuilder) => b.appendHeader('Content-Length', 1).appendHeader('content-length', 2), 'RB_CONFLICTING_FRAMING'],
    ['non-numeric Content-Length', (b: HttpResponseBuilder) => b.header('Content-Length', '12abc'), 'RB_INVALID_CONTENT_LENGTH'],
    ['negative Content-Length header', (b: HttpResponseBuilder) => b.header('Content-Length', -3), 'RB_INVALID_CONTENT_LENGTH'],
  ])('refuses %s (RFC 9112 §6.3)', (_name, apply, code) => {
    expect(() => apply(new HttpResponseBuilder(200)).toBuffer(NOW)).toThrow(expect.objectContaining({ code }));
  });

  it.each([100, 101, 204])('refuses framing headers on a %d response (RFC 9110 §8.6)', (status) => {
    expect(() => new HttpResponseBuilder(status).contentLength(0).toBuffer(NOW)).toThrow(
      expect.objectContaining({ code: 'RB_CONFLICTING_FRAMING' }),
    );
    expect(new HttpResponseBuilder(status).toBuffer(NOW).length).toBeGreaterThan(0);
  });

  it('allows Content-Length on 304', () => {
    expect(lines(new HttpResponseBuilder(304).contentLength(10).toBuffer(NOW))).toContain('Content-Length: 10');
  });
});
