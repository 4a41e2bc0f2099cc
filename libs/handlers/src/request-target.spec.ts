// Request-target forms (RFC 9112 §3.2): origin-form paths, absolute-form URLs and their query.
import { HandlerError } from './errors';
import { parseAbsoluteTarget, pathOf } from './request-target';

describe('parseAbsoluteTarget (§3.2.2)', () => {
  it.each([
    ['http://localhost:8080/a.txt?x=1', 'localhost:8080', '/a.txt?x=1'],
    ['HTTP://Example.com', 'Example.com', '/'],
    ['https://[::1]:8443/', '[::1]:8443', '/'],
    ['http://host?q', 'host', '/?q'],
  ])('%s -> authority %s, origin-form %s', (target, authority, originForm) => {
    expect(parseAbsoluteTarget(target)).toEqual({ authority, originForm });
  });

  it.each(['ftp://host/', 'http:/host/', 'http:///x', 'http://user:pw@host/', 'mailto:x@y', '*'])('%s is refused with 400', (target) => {
    expect(() => parseAbsoluteTarget(target)).toThrow(expect.objectContaining({ code: 'HND_INVALID_TARGET', status: 400 }) as HandlerError);
  });
});

describe('pathOf', () => {
  it.each([
    ['/a.txt', '/a.txt'],
    ['/a.txt?x=/../', '/a.txt'],
    ['/a.txt#frag', '/a.txt'],
    ['/?', '/'],
  ])('%s -> %s', (target, path) => {
    expect(pathOf(target)).toBe(path);
  });
});
