// Error results: exact framing, HTML or JSON bodies, HEAD without a body, which statuses close
// the connection, 405's Allow (RFC 9110 §15.5.6) and 503's Retry-After (§10.2.3).
import { errorResult, resultForCode, serviceUnavailable } from './error-results';
import type { BufferResult } from './types';

function headers(result: BufferResult): Map<string, string> {
  const lines = result.fixedHead.toString('latin1').split('\r\n').filter((l) => l !== '');
  const out = new Map<string, string>([['status-line', lines.shift() ?? '']]);
  for (const line of lines) out.set(line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim());
  return out;
}

describe('errorResult', () => {
  it.each([
    [400, true],
    [403, false],
    [404, false],
    [405, false],
    [408, true],
    [413, true],
    [414, true],
    [415, false],
    [431, true],
    [500, false],
    [503, true],
    [505, true],
  ])('%d: an HTML page with exact length, close=%s', (status, close) => {
    const result = errorResult(status);
    const head = headers(result);
    expect(head.get('status-line')).toMatch(new RegExp(`^HTTP/1.1 ${status} `));
    expect(head.get('content-type')).toBe('text/html; charset=utf-8');
    expect(head.get('content-length')).toBe(String(result.body?.length));
    expect(result.body?.toString()).toContain(`<h1>${status} `);
    expect(result.close).toBe(close);
  });

  it('builds a plain result once and shares it', () => {
    expect(errorResult(404)).toBe(errorResult(404));
    expect(errorResult(404, { head: true })).toBe(errorResult(404, { head: true }));
    expect(errorResult(404)).not.toBe(errorResult(404, { json: true }));
  });

  it('HEAD keeps the GET head and drops the body', () => {
    const get = errorResult(404);
    const head = errorResult(404, { head: true });
    expect(head.fixedHead.equals(get.fixedHead)).toBe(true);
    expect(head.body).toBeNull();
  });

  it('JSON bodies, custom messages, extra headers and close overrides', () => {
    const result = errorResult(400, { json: true, message: 'Bad "thing"', headers: [['X-Why', 'test']], close: false });
    expect(JSON.parse(result.body?.toString() ?? '')).toEqual({ status: 'error', code: 400, message: 'Bad "thing"' });
    expect(headers(result).get('content-type')).toBe('application/json');
    expect(headers(result).get('x-why')).toBe('test');
    expect(result.close).toBe(false);
  });

  it('escapes a custom message in the HTML page', () => {
    expect(errorResult(400, { message: '<script>' }).body?.toString()).toContain('&lt;script&gt;');
  });
});

describe('resultForCode', () => {
  it('405 carries Allow', () => {
    expect(headers(resultForCode('HND_METHOD_NOT_ALLOWED', false, false)).get('allow')).toBe('GET, HEAD, POST');
  });

  it('shows the catalogue sentence and is shared', () => {
    const result = resultForCode('HND_HOST_NOT_ALLOWED', false, false);
    expect(result.status).toBe(403);
    expect(result.body?.toString()).toContain('does not serve the host');
    expect(resultForCode('HND_HOST_NOT_ALLOWED', false, false)).toBe(result);
  });

  it('keeps the connection after a refused upload body but not after a missing Host', () => {
    expect(resultForCode('HND_UPLOAD_INVALID_JSON', true, false).close).toBe(false);
    expect(resultForCode('HND_MISSING_HOST', false, false).close).toBe(true);
  });
});

describe('serviceUnavailable', () => {
  it.each([
    [5, '5'],
    [0.2, '1'],
    [-3, '0'],
    [Number.NaN, '0'],
  ])('Retry-After for %d is %s, and the connection closes', (seconds, header) => {
    const result = serviceUnavailable(seconds);
    expect(result.status).toBe(503);
    expect(headers(result).get('retry-after')).toBe(header);
    expect(result.close).toBe(true);
    expect(result.body?.toString()).toContain('<h1>503 ');
  });
});
