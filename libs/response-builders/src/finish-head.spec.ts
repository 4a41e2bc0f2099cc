import { CLOSE_HEADERS, connectionHeaders, keepAliveHeaders } from './connection-headers';
import { finishHead } from './finish-head';
import type { HeaderInput } from './header-list';
import { HttpResponseBuilder, type ResponseBuilderOptions } from './http-response-builder';

const NOW = 784111777000;

describe('keep-alive and close lines', () => {
  it.each([
    [5, 100, 'Connection: keep-alive\r\nKeep-Alive: timeout=5, max=100\r\n'],
    [0, 0, 'Connection: keep-alive\r\nKeep-Alive: timeout=0, max=0\r\n'],
    [120, 1, 'Connection: keep-alive\r\nKeep-Alive: timeout=120, max=1\r\n'],
  ])('timeout=%d max=%d', (timeout, max, text) => {
    expect(keepAliveHeaders(timeout, max).toString('latin1')).toBe(text);
    expect(connectionHeaders({ timeoutSeconds: timeout, maxRequests: max })).toBe(keepAliveHeaders(timeout, max));
  });

  it('close is one preformatted line', () => {
    expect(CLOSE_HEADERS.toString('latin1')).toBe('Connection: close\r\n');
    expect(connectionHeaders(false)).toBe(CLOSE_HEADERS);
  });

  it('returns the same preformatted Buffer for the same pair', () => {
    expect(keepAliveHeaders(5, 100)).toBe(keepAliveHeaders(5, 100));
    expect(keepAliveHeaders(5, 99)).not.toBe(keepAliveHeaders(5, 100));
  });

  it('stays correct past its cache bound', () => {
    for (let max = 0; max < 5000; max++) keepAliveHeaders(7, max);
    expect(keepAliveHeaders(7, 3).toString('latin1')).toContain('timeout=7, max=3\r\n');
  });

  it.each([
    [-1, 1],
    [1, -1],
    [1.5, 1],
    [Number.NaN, 1],
    [2 ** 26, 1],
  ])('refuses timeout=%d max=%d', (timeout, max) => {
    expect(() => keepAliveHeaders(timeout, max)).toThrow(expect.objectContaining({ code: 'RB_INVALID_KEEP_ALIVE' }));
  });
});

describe('fixedHead + finishHead', () => {
  const cases: Array<[string, number, HeaderInput, ResponseBuilderOptions]> = [
    ['hello.txt', 200, [['Content-Type', 'text/plain; charset=utf-8'], ['Content-Length', '20'], ['Content-Disposition', 'attachment; filename="hello.txt"']], {}],
    ['index.html', 200, [['content-type', 'text/html; charset=utf-8'], ['content-length', 1234]], {}],
    ['record input', 200, { 'content-type': 'image/png', 'content-length': 99 }, {}],
    ['404 page', 404, [['Content-Type', 'text/html; charset=utf-8'], ['Content-Length', 300]], { server: 'other/2' }],
    ['custom reason', 503, [['Retry-After', 1], ['Content-Length', 0]], { reason: 'Busy' }],
    ['explicit server', 200, [['Server', 'mine'], ['Content-Length', 0]], {}],
    ['no headers', 200, [], {}],
  ];
  const connections = [
    ['keep-alive', keepAliveHeaders(5, 100), (b: HttpResponseBuilder) => b.keepAlive({ timeoutSeconds: 5, maxRequests: 100 })],
    ['close', CLOSE_HEADERS, (b: HttpResponseBuilder) => b.close()],
  ] as const;

  describe.each(cases)('%s', (_name, status, headers, options) => {
    it.each(connections)('equals the fluent builder with %s', (_c, lines, apply) => {
      const fluent = new HttpResponseBuilder(status, options);
      for (const [name, value] of Array.isArray(headers) ? headers : Object.entries(headers)) {
        fluent.appendHeader(name, value);
      }
      const fixed = HttpResponseBuilder.fixedHead(status, headers, options);
      expect(finishHead(fixed, lines, undefined, NOW).toString('latin1')).toBe(
        apply(fluent).toBuffer(NOW).toString('latin1'),
      );
    });
  });

  it('leaves the fixed part without Date, connection lines or the blank line', () => {
    const fixed = HttpResponseBuilder.fixedHead(200, [['Content-Length', 5]]);
    expect(fixed.toString('latin1')).toBe('HTTP/1.1 200 OK\r\nContent-Length: 5\r\nServer: mths\r\n');
  });

  it('appends a small body into the same Buffer', () => {
    const body = Buffer.from('Hello, world!\n');
    const fixed = HttpResponseBuilder.fixedHead(200, [['Content-Length', body.length]]);
    const out = finishHead(fixed, CLOSE_HEADERS, body, NOW);
    const head = finishHead(fixed, CLOSE_HEADERS, undefined, NOW);
    expect(out.subarray(0, head.length).equals(head)).toBe(true);
    expect(out.subarray(head.length).equals(body)).toBe(true);
    expect(finishHead(fixed, CLOSE_HEADERS, Buffer.alloc(0), NOW).equals(head)).toBe(true);
  });

  it('leaves the cached parts untouched and returns fresh Buffers', () => {
    const fixed = HttpResponseBuilder.fixedHead(200, [['Content-Length', 1]]);
    const before = Buffer.from(fixed);
    const a = finishHead(fixed, keepAliveHeaders(5, 100), undefined, NOW);
    a.fill(0);
    const b = finishHead(fixed, keepAliveHeaders(5, 100), undefined, NOW);
    expect(fixed.equals(before)).toBe(true);
    expect(b.toString('latin1')).toContain('Keep-Alive: timeout=5, max=100\r\n\r\n');
  });

  it('writes into the Buffer the allocator gives, when one is given', () => {
    const fixed = HttpResponseBuilder.fixedHead(200, [['Content-Length', 2]]);
    const arena = Buffer.alloc(4096, 0x2a);
    const asked: number[] = [];
    const out = finishHead(fixed, CLOSE_HEADERS, Buffer.from('ok'), NOW, (length) => {
      asked.push(length);
      return arena.subarray(100, 100 + length);
    });
    expect(out.buffer).toBe(arena.buffer);
    expect(asked).toEqual([out.length]);
    expect(out.equals(finishHead(fixed, CLOSE_HEADERS, Buffer.from('ok'), NOW))).toBe(true);
    expect(arena[99]).toBe(0x2a);
    expect(arena[100 + out.length]).toBe(0x2a);
  });

  it('dates the head per second', () => {
    const fixed = HttpResponseBuilder.fixedHead(200);
    expect(finishHead(fixed, CLOSE_HEADERS, undefined, NOW + 999).toString('latin1')).toContain('08:49:37 GMT');
    expect(finishHead(fixed, CLOSE_HEADERS, undefined, NOW + 1000).toString('latin1')).toContain('08:49:38 GMT');
  });

  it.each(['Date', 'connection', 'Keep-Alive'])('refuses %s in a fixed head (finishHead adds it)', (name) => {
    expect(() => HttpResponseBuilder.fixedHead(200, [[name, 'x']])).toThrow(
      expect.objectContaining({ code: 'RB_RESERVED_HEADER' }),
    );
  });

  it('refuses toFixedHead() after keepAlive()/close()', () => {
    expect(() => new HttpResponseBuilder(200).close().toFixedHead()).toThrow(
      expect.objectContaining({ code: 'RB_RESERVED_HEADER' }),
    );
  });

  it('checks framing in fixed heads too', () => {
    expect(() => HttpResponseBuilder.fixedHead(200, [['Content-Length', 1], ['Transfer-Encoding', 'chunked']])).toThrow(
      expect.objectContaining({ code: 'RB_CONFLICTING_FRAMING' }),
    );
  });
});
