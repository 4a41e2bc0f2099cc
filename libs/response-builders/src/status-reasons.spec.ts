import { ResponseBuilderError } from './errors';
import { HttpResponseBuilder } from './http-response-builder';
import { STATUS_REASONS, assertStatus, reasonFor } from './status-reasons';

const statusLine = (builder: HttpResponseBuilder): string =>
  builder.toBuffer(0).toString('latin1').split('\r\n')[0] as string;

describe('status reasons (RFC 9110 §15)', () => {
  it.each([
    [200, 'OK'],
    [201, 'Created'],
    [204, 'No Content'],
    [304, 'Not Modified'],
    [400, 'Bad Request'],
    [403, 'Forbidden'],
    [404, 'Not Found'],
    [405, 'Method Not Allowed'],
    [408, 'Request Timeout'],
    [413, 'Content Too Large'],
    [414, 'URI Too Long'],
    [415, 'Unsupported Media Type'],
    [422, 'Unprocessable Content'],
    [431, 'Request Header Fields Too Large'],
    [500, 'Internal Server Error'],
    [503, 'Service Unavailable'],
    [505, 'HTTP Version Not Supported'],
  ])('%d %s', (status, reason) => {
    expect(reasonFor(status)).toBe(reason);
    expect(statusLine(new HttpResponseBuilder(status))).toBe(`HTTP/1.1 ${status} ${reason}`);
  });

  it('keeps the SP before an empty reason for unlisted codes (RFC 9112 §4)', () => {
    expect(reasonFor(299)).toBe('');
    expect(statusLine(new HttpResponseBuilder(299))).toBe('HTTP/1.1 299 ');
  });

  it('takes a custom reason from .reason() or the options', () => {
    expect(statusLine(new HttpResponseBuilder(404).reason('Nope'))).toBe('HTTP/1.1 404 Nope');
    expect(statusLine(new HttpResponseBuilder(200, { reason: 'Fine' }))).toBe('HTTP/1.1 200 Fine');
  });

  it('is frozen', () => {
    expect(Object.isFrozen(STATUS_REASONS)).toBe(true);
  });

  it.each([99, 600, 200.5, Number.NaN, -1])('refuses status %d with RB_INVALID_STATUS', (status) => {
    expect(() => assertStatus(status)).toThrow(ResponseBuilderError);
    expect(() => new HttpResponseBuilder(status)).toThrow(expect.objectContaining({ code: 'RB_INVALID_STATUS' }));
  });
});
