import { ResponseBuilderError, type ResponseBuilderErrorCode } from './errors';
import { HttpRequestBuilder } from './http-request-builder';
import { HttpResponseBuilder } from './http-response-builder';
import { invalidValueIndex, isToken } from './header-validation';

function codeOf(fn: () => unknown): ResponseBuilderErrorCode | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof ResponseBuilderError) return error.code;
    throw error;
  }
  return undefined;
}

describe('isToken (RFC 9110 §5.6.2)', () => {
  it.each([
    ['Content-Type', true],
    ["!#$%&'*+-.^_`|~09AZaz", true],
    ['', false],
    ['Bad Name', false],
    ['Bad:Name', false],
    ['Bad\rName', false],
    ['Bad\nName', false],
    ['Bad\0Name', false],
    ['Bad"Name', false],
    ['(comment)', false],
    ['Ünicode', false],
    ['tab\t', false],
  ])('%j -> %s', (text, expected) => {
    expect(isToken(text)).toBe(expected);
  });
});

describe('invalidValueIndex (RFC 9110 §5.5)', () => {
  it.each([
    ['text/html; charset=utf-8', -1],
    ['with\ttab', -1],
    ['obs-text \u00e9\u00ff', -1],
    ['', -1],
    ['a\rb', 1],
    ['a\nb', 1],
    ['\0', 0],
    ['ab\u0001', 2],
    ['del\u007f', 3],
    ['wide \u0100', 5],
    ['emoji \u{1F600}', 6],
  ])('%j -> %d', (text, expected) => {
    expect(invalidValueIndex(text)).toBe(expected);
  });
});

describe('header injection is refused with RB_INVALID_HEADER', () => {
  const badNames = ['X-Evil\r\nSet-Cookie', 'X-Evil\n', 'X\0', 'Has Space', '', 'Colon:'];
  const badValues = [
    'ok\r\nSet-Cookie: a=b',
    'ok\nX: y',
    'ok\rX: y',
    'nul\0',
    '\r\n\r\nHTTP/1.1 200 OK',
  ];

  it.each(badNames)('response name %j', (name) => {
    expect(codeOf(() => new HttpResponseBuilder(200).header(name, 'v'))).toBe('RB_INVALID_HEADER');
    expect(codeOf(() => new HttpResponseBuilder(200).appendHeader(name, 'v'))).toBe('RB_INVALID_HEADER');
    expect(codeOf(() => HttpResponseBuilder.fixedHead(200, [[name, 'v']]))).toBe('RB_INVALID_HEADER');
  });

  it.each(badValues)('response value %j', (value) => {
    expect(codeOf(() => new HttpResponseBuilder(200).header('X-Test', value))).toBe('RB_INVALID_HEADER');
    expect(codeOf(() => new HttpResponseBuilder(200).contentType(value))).toBe('RB_INVALID_HEADER');
    expect(codeOf(() => new HttpResponseBuilder(200).server(value))).toBe('RB_INVALID_HEADER');
    expect(codeOf(() => new HttpResponseBuilder(200, { server: value }))).toBe('RB_INVALID_HEADER');
  });

  it.each(badNames)('request name %j', (name) => {
    expect(codeOf(() => new HttpRequestBuilder('GET', '/').header(name, 'v'))).toBe('RB_INVALID_HEADER');
  });

  it.each(badValues)('request value %j', (value) => {
    expect(codeOf(() => new HttpRequestBuilder('GET', '/').header('Accept', value))).toBe('RB_INVALID_HEADER');
    expect(codeOf(() => new HttpRequestBuilder('GET', '/').host(value))).toBe('RB_INVALID_HEADER');
  });

  it('refuses a reason phrase that would split the status line', () => {
    expect(codeOf(() => new HttpResponseBuilder(200).reason('OK\r\nX: y'))).toBe('RB_INVALID_REASON');
    expect(codeOf(() => new HttpResponseBuilder(200, { reason: 'OK\n' }))).toBe('RB_INVALID_REASON');
  });

  it('refuses non-finite numbers as values', () => {
    expect(codeOf(() => new HttpResponseBuilder(200).header('X-N', Number.NaN))).toBe('RB_INVALID_HEADER');
    expect(codeOf(() => new HttpResponseBuilder(200).header('X-N', Infinity))).toBe('RB_INVALID_HEADER');
  });

  it('carries a stable code and the HTTP status on the error', () => {
    let caught: unknown;
    try {
      new HttpResponseBuilder(200).header('X', 'a\r\nb');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ResponseBuilderError);
    expect(caught).toMatchObject({ code: 'RB_INVALID_HEADER', status: 500, name: 'ResponseBuilderError' });
  });
});
