import { canonicalHeaderName } from './header-casing';

describe('canonicalHeaderName', () => {
  it.each([
    ['content-type', 'Content-Type'],
    ['CONTENT-LENGTH', 'Content-Length'],
    ['content-disposition', 'Content-Disposition'],
    ['x-forwarded-for', 'X-Forwarded-For'],
    ['keep-alive', 'Keep-Alive'],
    ['host', 'Host'],
    ['etag', 'ETag'],
    ['ETAG', 'ETag'],
    ['www-authenticate', 'WWW-Authenticate'],
    ['te', 'TE'],
    ['dnt', 'DNT'],
    ['content-md5', 'Content-MD5'],
    ['sec-websocket-key', 'Sec-WebSocket-Key'],
    ['x-request-id', 'X-Request-ID'],
    ['x-xss-protection', 'X-XSS-Protection'],
    ['x-custom-THING', 'X-Custom-Thing'],
    ['a', 'A'],
    ['-leading', '-Leading'],
    ['double--dash', 'Double--Dash'],
    ['x_under_score', 'X_under_score'],
  ])('%s -> %s', (input, expected) => {
    expect(canonicalHeaderName(input)).toBe(expected);
  });

  it('is stable for already-canonical names', () => {
    for (const name of ['Content-Type', 'ETag', 'WWW-Authenticate', 'X-Request-ID']) {
      expect(canonicalHeaderName(canonicalHeaderName(name))).toBe(name);
    }
  });
});
