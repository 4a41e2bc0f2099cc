// SPEC §3 path checks, run against every implementation: after percent-decoding, a `..`
// segment, backslash, NUL, absolute path or escaping symlink is 403, and nothing outside the
// root is ever sent (RFC 9110 §15.5.4; RFC 3986 §5.2.4 dot segments; RFC 3629 §3 overlong UTF-8).
import { runRow, type Row } from '../harness/contract-row';
import { IMPLEMENTATIONS } from '../harness/implementations';
import { useServer } from '../harness/use-server';

const forbidden = (cite: string, target: string): Row => ({
  cite,
  name: target,
  request: `GET ${target} HTTP/1.1\r\nHost: {host}\r\n\r\n`,
  status: 403,
  body: 'html',
});

const rows: Row[] = [
  forbidden('RFC 3986 §5.2.4: dot-dot segment', '/../outside/secret.txt'),
  forbidden('RFC 3986 §5.2.4: dot-dot after a folder', '/docs/../../outside/secret.txt'),
  forbidden('RFC 3986 §5.2.4: dot-dot back into the root', '/docs/../hello.txt'),
  forbidden('RFC 3986 §5.2.4: trailing dot-dot', '/docs/..'),
  forbidden('RFC 3986 §2.1: encoded dot-dot', '/%2e%2e/outside/secret.txt'),
  forbidden('RFC 3986 §2.1: encoded dot-dot, upper case', '/%2E%2E/outside/secret.txt'),
  forbidden('RFC 3986 §2.1: half-encoded dot-dot', '/.%2e/outside/secret.txt'),
  forbidden('RFC 3986 §2.1: encoded slashes', '/docs/..%2f..%2foutside%2fsecret.txt'),
  forbidden('RFC 3986 §2.4: double-encoded dot-dot', '/%252e%252e/outside/secret.txt'),
  forbidden('SPEC: backslash', '/..%5c..%5coutside%5csecret.txt'),
  forbidden('SPEC: backslash, raw', '/docs\\..\\hello.txt'),
  forbidden('SPEC: NUL', '/hello.txt%00.html'),
  forbidden('RFC 3629 §3: overlong UTF-8 dot-dot', '/%c0%ae%c0%ae/outside/secret.txt'),
  forbidden('SPEC: absolute path', '//etc/passwd'),
  forbidden('SPEC: absolute path, encoded', '/%2fetc%2fpasswd'),
  forbidden('SPEC: symlink leaving the root', '/link-outside.txt'),
  forbidden('SPEC: symlinked folder leaving the root', '/escape-dir/secret.txt'),
  forbidden('SPEC: symlinked folder leaving the root (html)', '/escape-dir/secret.html'),
];

describe.each(IMPLEMENTATIONS)('path safety: $name', (impl) => {
  const server = useServer(impl);

  test.each(rows)('$cite: GET $name -> 403', async (row) => {
    const response = await runRow(server(), row);
    const text = response.body.toString('latin1');
    expect(text).not.toContain(server().site.secret);
    expect(text).not.toMatch(/root:.*:0:0:/);
  });

  test('SPEC: HEAD of an escaping symlink is 403 too', async () => {
    await runRow(server(), { cite: 'SPEC', name: 'HEAD /link-outside.txt', request: 'HEAD /link-outside.txt HTTP/1.1\r\nHost: {host}\r\n\r\n', status: 403, body: 'none' });
  });
});
