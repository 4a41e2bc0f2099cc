import { resolve } from 'node:path';
import { parseServerArgs, type CliSpec } from './cli';
import { CliUsageError, parseSeconds, parseSize } from './cli-values';
import { DEFAULT_SERVER_CONFIG } from './config';

const httpServer: CliSpec = { name: 'http-server', description: 'test', withThreads: true };
const simpleServer: CliSpec = { name: 'simple-server', description: 'test', withThreads: false };

function parse(spec: CliSpec, ...argv: string[]) {
  const outcome = parseServerArgs(spec, argv, () => undefined);
  if (outcome.kind !== 'run') throw new Error('expected a config');
  return outcome.config;
}

describe('parseServerArgs', () => {
  it('uses the defaults of SPEC section 2 with no arguments', () => {
    const config = parse(httpServer);
    expect(config.port).toBe(8080);
    expect(config.host).toBe('127.0.0.1');
    expect(config.threads).toBe(DEFAULT_SERVER_CONFIG.threads);
    expect(config.uploadsDir).toBe(resolve(config.root, 'uploads'));
    expect(config.maxBodyBytes).toBe(10 * 1024 * 1024);
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('reads positional port, host and threads', () => {
    const config = parse(httpServer, '0', '::1', '4');
    expect([config.port, config.host, config.threads]).toEqual([0, '::1', 4]);
  });

  it('runs simple-server on one loop and refuses a third positional', () => {
    expect(parse(simpleServer, '9000').threads).toBe(1);
    expect(() => parse(simpleServer, '9000', '127.0.0.1', '4')).toThrow(CliUsageError);
  });

  it('maps every flag onto the config', () => {
    const config = parse(
      httpServer,
      '--root', 'some/dir',
      '--allowed-host', 'Example.test',
      '--allowed-host', 'other.test',
      '--allow-ext', 'css,.JS',
      '--max-body', '1k',
      '--max-connections', '2',
      '--max-requests-per-connection', '3',
      '--header-timeout', '1.5',
      '--keep-alive-timeout', '2',
      '--drain-timeout', '3',
      '--max-request-line', '100',
      '--max-header-bytes', '2k',
      '--max-header-count', '7',
      '--quiet',
    );
    expect(config).toMatchObject({
      root: resolve('some/dir'),
      uploadsDir: resolve('some/dir/uploads'),
      allowedHostNames: ['example.test', 'other.test'],
      allowedExtensions: ['html', 'txt', 'png', 'jpg', 'jpeg', 'css', 'js'],
      maxBodyBytes: 1024,
      maxConnections: 2,
      maxRequestsPerConnection: 3,
      headerTimeoutMs: 1500,
      keepAliveTimeoutMs: 2000,
      drainTimeoutMs: 3000,
      maxStartLineBytes: 100,
      maxHeaderBytes: 2048,
      maxHeaderCount: 7,
      quiet: true,
    });
  });

  it('takes --watchdog for http-server only; 0 turns it off', () => {
    expect(parse(httpServer).watchdogMs).toBe(10_000);
    expect(parse(httpServer, '--watchdog', '2.5').watchdogMs).toBe(2_500);
    expect(parse(httpServer, '--watchdog', '0').watchdogMs).toBe(0);
    expect(() => parse(simpleServer, '--watchdog', '1')).toThrow(/unknown option/);
  });

  it.each([
    [['70000'], /port/],
    [['abc'], /port/],
    [['0', '127.0.0.1', '0'], /threads/],
    [['--max-body', 'lots'], /--max-body/],
    [['--header-timeout', '-1'], /--header-timeout/],
    [['--nope'], /unknown option/],
    [['--allow-ext', 'a/b'], /extension/],
  ])('refuses %j with a one-line reason', (argv, reason) => {
    expect(() => parse(httpServer, ...argv)).toThrow(reason);
  });

  it('prints help and asks to exit 0', () => {
    let help = '';
    expect(parseServerArgs(httpServer, ['--help'], (text) => (help += text))).toEqual({ kind: 'exit', code: 0 });
    expect(help).toMatch(/--max-connections/);
    expect(help).toMatch(/\[threads\]/);
  });
});

describe('cli values', () => {
  it.each([
    ['1024', 1024],
    ['64k', 65536],
    ['10m', 10485760],
    ['1.5K', 1536],
  ])('size %s = %d bytes', (text, bytes) => expect(parseSize(text, 'x')).toBe(bytes));

  it('seconds become milliseconds', () => expect(parseSeconds('0.25', 'x')).toBe(250));
});
