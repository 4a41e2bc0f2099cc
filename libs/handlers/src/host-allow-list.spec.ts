// Host rules: RFC 9112 §3.2 (Host required once on HTTP/1.1, 400 otherwise), §3.2.2 (an
// absolute-form target's authority replaces Host), RFC 9110 §4.2.1 (no port means 80), §7.2.
import { networkInterfaces } from 'node:os';
import { HANDLER_ERRORS, type HandlerErrorCode } from './errors';
import { HostAllowList, allowedHostsFor, checkHost, isValidHost } from './host-allow-list';
import { parseAbsoluteTarget } from './request-target';
import { parseRequest } from './testing/requests';

describe('allowedHostsFor', () => {
  it.each<[string, number, string[], string[]]>([
    ['127.0.0.1', 8080, [], ['127.0.0.1:8080', 'localhost:8080']],
    ['127.0.0.2', 8080, [], ['127.0.0.2:8080', 'localhost:8080', '127.0.0.1:8080']],
    ['::1', 8080, [], ['[::1]:8080', 'localhost:8080', '127.0.0.1:8080']],
    ['[::1]', 8080, [], ['[::1]:8080', 'localhost:8080', '127.0.0.1:8080']],
    ['localhost', 3000, [], ['localhost:3000', '127.0.0.1:3000', '[::1]:3000']],
    ['LocalHost', 3000, [], ['localhost:3000', '127.0.0.1:3000', '[::1]:3000']],
    ['192.0.2.7', 8080, [], ['192.0.2.7:8080']],
    [
      '192.0.2.7',
      8080,
      ['Example.COM', 'api.test:9000', '::2', '[::3]', '[::4]:81', ' '],
      ['192.0.2.7:8080', 'example.com:8080', 'api.test:9000', '[::2]:8080', '[::3]:8080', '[::4]:81'],
    ],
    // Port 80 is the default, so a Host without a port names it too.
    ['127.0.0.1', 80, ['example.com'], ['127.0.0.1:80', '127.0.0.1', 'localhost:80', 'localhost', 'example.com:80', 'example.com']],
  ])('bind %s:%d extra %j -> %j', (host, port, extra, expected) => {
    expect([...allowedHostsFor(host, port, extra)].sort()).toEqual([...expected].sort());
  });

  const local = Object.values(networkInterfaces()).flatMap((list) => list ?? []);

  it('0.0.0.0 accepts every local IPv4 address plus localhost', () => {
    const set = allowedHostsFor('0.0.0.0', 8080, []);
    for (const info of local.filter((i) => i.family === 'IPv4')) expect(set.has(`${info.address}:8080`)).toBe(true);
    expect(set.has('localhost:8080')).toBe(true);
    expect(set.has('127.0.0.1:8080')).toBe(true);
    expect(set.has('0.0.0.0:8080')).toBe(false);
  });

  it(':: accepts every local address, IPv6 ones in brackets', () => {
    const set = allowedHostsFor('::', 8080, []);
    for (const info of local) {
      expect(set.has(info.family === 'IPv6' ? `[${info.address}]:8080` : `${info.address}:8080`)).toBe(true);
    }
    expect(set.has('localhost:8080')).toBe(true);
  });
});

describe('isValidHost (RFC 9110 §7.2: uri-host [ ":" port ])', () => {
  it.each([
    ['localhost', true],
    ['localhost:8080', true],
    ['127.0.0.1:8080', true],
    ['[::1]:8080', true],
    ['[::1]', true],
    ['xn--caf-dma.example', true],
    ['', false],
    [':8080', false],
    ['a b', false],
    ['user@host', false],
    ['host:80:80', false],
    ['host:', false],
    ['host:123456', false],
    ['host:8o', false],
    ['[::1', false],
    ['[nope]:80', false],
    ['[::1]x', false],
    ['café.example', false],
    ['host/path', false],
  ])('%j -> %s', (value, valid) => {
    expect(isValidHost(value)).toBe(valid);
  });
});

// The router checks through a HostAllowList that remembers its last accepted name; one instance
// serves every row in turn, so a remembered name never decides a row it should not.
describe.each([
  ['a Set', allowedHostsFor('127.0.0.1', 8080, ['example.com'])],
  ['a HostAllowList', new HostAllowList(allowedHostsFor('127.0.0.1', 8080, ['example.com']))],
])('checkHost over %s', (_shape, allowed) => {

  function verdict(raw: string): HandlerErrorCode | 'ok' {
    const { head } = parseRequest(raw);
    const authority = head.target.startsWith('/') ? null : parseAbsoluteTarget(head.target).authority;
    return checkHost(head, authority, allowed) ?? 'ok';
  }

  it.each<[string, string, HandlerErrorCode | 'ok']>([
    ['bound address and port', 'GET / HTTP/1.1\r\nHost: 127.0.0.1:8080\r\n\r\n', 'ok'],
    ['loopback alias', 'GET / HTTP/1.1\r\nHost: localhost:8080\r\n\r\n', 'ok'],
    ['names compare case-insensitively', 'GET / HTTP/1.1\r\nHost: LOCALHOST:8080\r\n\r\n', 'ok'],
    ['--allowed-host name', 'GET / HTTP/1.1\r\nHost: Example.Com:8080\r\n\r\n', 'ok'],
    ['§3.2: HTTP/1.1 without Host', 'GET / HTTP/1.1\r\n\r\n', 'HND_MISSING_HOST'],
    ['§3.2: two Host fields', 'GET / HTTP/1.1\r\nHost: localhost:8080\r\nHost: localhost:8080\r\n\r\n', 'HND_DUPLICATE_HOST'],
    ['§3.2: empty Host', 'GET / HTTP/1.1\r\nHost: \r\n\r\n', 'HND_INVALID_HOST'],
    ['§3.2: Host with a space', 'GET / HTTP/1.1\r\nHost: local host:8080\r\n\r\n', 'HND_INVALID_HOST'],
    ['§3.2: Host with userinfo', 'GET / HTTP/1.1\r\nHost: me@localhost:8080\r\n\r\n', 'HND_INVALID_HOST'],
    ['unknown name', 'GET / HTTP/1.1\r\nHost: evil.example:8080\r\n\r\n', 'HND_HOST_NOT_ALLOWED'],
    ['right name, wrong port', 'GET / HTTP/1.1\r\nHost: localhost:8081\r\n\r\n', 'HND_HOST_NOT_ALLOWED'],
    ['RFC 9110 §4.2.1: no port means 80', 'GET / HTTP/1.1\r\nHost: localhost\r\n\r\n', 'HND_HOST_NOT_ALLOWED'],
    ['IPv6 loopback not bound', 'GET / HTTP/1.1\r\nHost: [::1]:8080\r\n\r\n', 'HND_HOST_NOT_ALLOWED'],
    ['HTTP/1.0 may omit Host', 'GET / HTTP/1.0\r\n\r\n', 'ok'],
    ['HTTP/1.0 Host is still checked', 'GET / HTTP/1.0\r\nHost: evil.example:8080\r\n\r\n', 'HND_HOST_NOT_ALLOWED'],
    ['§3.2.2: absolute-form authority replaces Host', 'GET http://localhost:8080/x HTTP/1.1\r\nHost: evil.example\r\n\r\n', 'ok'],
    ['§3.2.2: absolute-form authority is checked', 'GET http://evil.example:8080/ HTTP/1.1\r\nHost: localhost:8080\r\n\r\n', 'HND_HOST_NOT_ALLOWED'],
    ['§3.2.2: absolute-form without a port means 80', 'GET http://localhost/ HTTP/1.1\r\nHost: localhost:8080\r\n\r\n', 'HND_HOST_NOT_ALLOWED'],
    ['§3.2: absolute-form still needs Host on 1.1', 'GET http://localhost:8080/ HTTP/1.1\r\n\r\n', 'HND_MISSING_HOST'],
    ['§3.2: absolute-form with a broken Host', 'GET http://localhost:8080/ HTTP/1.1\r\nHost: a b\r\n\r\n', 'HND_INVALID_HOST'],
    ['absolute-form on HTTP/1.0 without Host', 'GET http://localhost:8080/ HTTP/1.0\r\n\r\n', 'ok'],
  ])('%s', (_name, raw, expected) => {
    expect(verdict(raw)).toBe(expected);
  });

  it('maps its refusals to 400 and 403', () => {
    expect(HANDLER_ERRORS.HND_MISSING_HOST.status).toBe(400);
    expect(HANDLER_ERRORS.HND_DUPLICATE_HOST.status).toBe(400);
    expect(HANDLER_ERRORS.HND_INVALID_HOST.status).toBe(400);
    expect(HANDLER_ERRORS.HND_HOST_NOT_ALLOWED.status).toBe(403);
  });
});

describe('HostAllowList', () => {
  it('accepts what the Set holds, remembers the last name it accepted, and refuses the rest', () => {
    const list = new HostAllowList(new Set(['127.0.0.1:8080', 'localhost:8080']));
    expect(list.has('127.0.0.1:8080')).toBe(true);
    expect(list.has('127.0.0.1:8080')).toBe(true);
    expect(list.has('evil:8080')).toBe(false);
    expect(list.has('localhost:8080')).toBe(true);
    expect(list.has('127.0.0.1:8080')).toBe(true);
    expect(list.has('')).toBe(false);
    expect(list.has('127.0.0.1:8081')).toBe(false);
  });
});
