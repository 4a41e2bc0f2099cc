// Command-line parsing: what each form means, and that every bad argument exits 2 with one line.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCommandLine, type Invocation } from './cli-args';

function parse(...argv: string[]): { result: Invocation; out: string; err: string } {
  let out = '';
  let err = '';
  const result = parseCommandLine(argv, { writeOut: (s) => (out += s), writeErr: (s) => (err += s) });
  return { result, out, err };
}

describe('parseCommandLine', () => {
  it('opens the REPL on the default base URL, or the one given', () => {
    const none = parse().result;
    expect(none.kind === 'repl' && none.base.href).toBe('http://127.0.0.1:8080/');
    const given = parse('localhost:9000', '--timeout', '2.5').result;
    expect(given).toMatchObject({ kind: 'repl', transport: { timeoutMs: 2500, insecure: false } });
    expect(given.kind === 'repl' && given.base.href).toBe('http://localhost:9000/');
  });

  it('reads a one-shot request with headers, body and flags', () => {
    const { result } = parse('post', 'http://h:1/upload', '--json', '{"a":1}', '-H', 'X-One: 1', '-H', 'X-Two: 2', '-o', 'out.json', '-v', '--timing', '-k');
    expect(result).toEqual({
      kind: 'request',
      spec: { method: 'POST', url: 'http://h:1/upload', headers: [['X-One', '1'], ['X-Two', '2']], body: { kind: 'json', text: '{"a":1}' } },
      output: 'out.json',
      verbose: true,
      timing: true,
      transport: { timeoutMs: 30_000, insecure: true, ca: undefined },
    });
  });

  it('reads --data as a literal or as @file', () => {
    const literal = parse('put', 'http://h/x', '--data', 'plain text').result;
    expect(literal.kind === 'request' && literal.spec.body).toEqual({ kind: 'data', text: 'plain text' });
    const file = parse('put', 'http://h/x', '-d', '@body.json').result;
    expect(file.kind === 'request' && file.spec.body).toEqual({ kind: 'file', path: 'body.json' });
  });

  it('reads a CA file for --cacert', () => {
    const dir = mkdtempSync(join(tmpdir(), 'http-client-ca-'));
    try {
      const path = join(dir, 'ca.pem');
      writeFileSync(path, 'PEM');
      const result = parse('get', 'https://h/', '--cacert', path).result;
      expect(result.kind === 'request' && result.transport.ca?.toString()).toBe('PEM');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each([
    [['get'], /missing required argument 'url'/],
    [['get', 'ftp://h/x'], /unsupported scheme "ftp:"/],
    [['get', '/relative'], /needs a base URL/],
    [['get', 'http://h/', '-H', 'no colon'], /is not "Name: value"/],
    [['get', 'http://h/', '-H', 'Bad Name: x'], /not a valid header name/],
    [['post', 'http://h/', '-H', 'Content-Length: 5'], /computed from the body/],
    [['post', 'http://h/', '--json', '{"a":}'], /--json is not valid JSON at line 1, column 6/],
    [['post', 'http://h/', '--json', '{}', '--data', 'x'], /cannot be used with option/],
    [['get', 'http://h/', '--timeout', 'soon'], /--timeout must be a number of seconds/],
    [['get', 'http://h/', '--timeout', '0'], /--timeout must be a number of seconds/],
    [['get', 'http://h/', '--cacert', '/no/such/file'], /cannot read --cacert/],
    [['get', 'http://h/', '--bogus'], /unknown option '--bogus'/],
    [['get', 'http://h/', 'extra'], /too many arguments/],
  ])('exits 2 for %j', (argv, reason) => {
    const { result, err } = parse(...argv);
    expect(result).toEqual({ kind: 'exit', status: 2 });
    expect(err).toMatch(reason);
    expect(err.trim().split('\n')).toHaveLength(1);
  });

  it('prints help with exit 0, for the program and each command', () => {
    const main = parse('--help');
    expect(main.result).toEqual({ kind: 'exit', status: 0 });
    expect(main.out).toMatch(/Usage: http-client \[options\] \[command\] \[base-url\]/);
    expect(main.out).toMatch(/get \[options\] <url>/);
    expect(main.out).toMatch(/HTTP_CLIENT_HISTORY/);
    const post = parse('post', '--help');
    expect(post.result).toEqual({ kind: 'exit', status: 0 });
    expect(post.out).toMatch(/--json <text>/);
    expect(post.out).toMatch(/4 {2}the response was 4xx/);
  });
});
