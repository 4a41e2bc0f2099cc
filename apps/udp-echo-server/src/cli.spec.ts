// The server's command line: the real CLI as a child process (listening line, echo, SIGTERM,
// totals, exit 0), and exit codes and one-line reasons in-process.

import { spawn, type ChildProcess } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { once } from 'node:events';
import { join, resolve } from 'node:path';
import { startEchoServer } from '@mths/udp-echo';
import { runServerCli, type ServerIo } from './cli';

const ROOT = resolve(__dirname, '../../..');
const WAIT_MS = 10_000;

interface CapturedIo extends ServerIo {
  readonly stdoutText: () => string;
  readonly stderrText: () => string;
  /** Registers a callback run after every write to stdout. */
  readonly onStdout: (listener: () => void) => void;
}

function captureIo(signal: AbortSignal): CapturedIo {
  let stdout = '';
  let stderr = '';
  const listeners: Array<() => void> = [];
  return {
    stdout: {
      write: (text: string) => {
        stdout += text;
        for (const listener of listeners) listener();
      },
    },
    stderr: { write: (text: string) => (stderr += text) },
    signal,
    env: {},
    stdoutText: () => stdout,
    stderrText: () => stderr,
    onStdout: (listener) => listeners.push(listener),
  };
}

/** Resolves once the output matches, checking after each write; bounded by WAIT_MS. */
function waitForOutput(read: () => string, pattern: RegExp, onChange: (listener: () => void) => void): Promise<RegExpMatchArray> {
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${pattern}; got: ${read()}`)), WAIT_MS);
    const check = (): void => {
      const match = read().match(pattern);
      if (match === null) return;
      clearTimeout(timer);
      resolvePromise(match);
    };
    onChange(check);
    check();
  });
}

describe('udp-echo-server CLI as a child process', () => {
  let child: ChildProcess | undefined;

  afterEach(() => {
    // Its own process group (detached), so tsx and the node it starts both go if a test failed.
    if (child?.pid !== undefined && child.exitCode === null && child.signalCode === null) {
      process.kill(-child.pid, 'SIGKILL');
    }
    child = undefined;
  });

  it(
    'prints listening on port 0, echoes, and on SIGTERM prints totals and exits 0',
    async () => {
      const proc = spawn(join(ROOT, 'node_modules/.bin/tsx'), ['apps/udp-echo-server/src/main.ts', '0'], {
        cwd: ROOT,
        // tsx's shebang runs `node` from PATH: make it the pinned one, not the system's.
        env: { ...process.env, PATH: `${join(ROOT, 'node_modules/.bin')}:${process.env['PATH'] ?? ''}` },
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child = proc;
      let stdout = '';
      let stderr = '';
      const listeners: Array<() => void> = [];
      proc.stdout?.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        for (const listener of listeners) listener();
      });
      proc.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const exited = once(proc, 'exit');

      const [, port] = await waitForOutput(() => stdout, /listening on udp:\/\/127\.0\.0\.1:(\d+)\n/, (l) => listeners.push(l));
      const client = createSocket('udp4');
      try {
        const reply = once(client, 'message');
        client.send(Buffer.from('ping?'), Number(port), '127.0.0.1');
        const [message] = (await reply) as [Buffer];
        expect(message.toString()).toBe('ping?');
      } finally {
        client.close();
      }
      await waitForOutput(() => stdout, /127\.0\.0\.1:\d+ 5 B echoed\n/, (l) => listeners.push(l));

      proc.kill('SIGTERM');
      const [code] = await exited;
      expect(code).toBe(0);
      expect(stdout).toMatch(/peer 127\.0\.0\.1:\d+: in 1 datagrams \(5 B\), out 1 \(5 B\), dropped 0, send errors 0\n/);
      expect(stdout).toMatch(/totals: in 1 datagrams \(5 B\), out 1 \(5 B\), dropped 0, send errors 0, peers 1\n$/);
      expect(stderr).toBe('');
    },
    WAIT_MS + 5_000,
  );
});

describe('runServerCli', () => {
  it.each([
    [['http'], /port must be an integer from 0 to 65535, got 'http'/],
    [['0', '127.0.0.1', 'extra'], /too many arguments/],
    [['0', '--drop', '1.5'], /drop rate must be a number from 0 to 1/],
    [['0', '--delay', 'slow'], /delay must look like MS, MS±JITTER or MS\+-JITTER/],
    [['0', '--seed', '-1'], /seed must be an integer/],
    [['0', '--stats-interval', '0'], /stats interval must be a number from 0.01/],
    [['0', '--bogus'], /unknown option '--bogus'/],
  ])('%j exits 2 with a one-line reason', async (argv, reason) => {
    const io = captureIo(new AbortController().signal);
    expect(await runServerCli(argv, io)).toBe(2);
    expect(io.stderrText()).toMatch(reason);
    expect(io.stderrText().trimEnd().split('\n')).toHaveLength(1);
  });

  it('exits 1 with a one-line reason when the port is busy', async () => {
    const busy = await startEchoServer({ port: 0 });
    try {
      const io = captureIo(new AbortController().signal);
      expect(await runServerCli([String(busy.address.port)], io)).toBe(1);
      expect(io.stderrText()).toBe(`error: udp port ${busy.address.port} on 127.0.0.1 is already in use\n`);
    } finally {
      await busy.close();
    }
  });

  it('prints help and exits 0', async () => {
    const io = captureIo(new AbortController().signal);
    expect(await runServerCli(['--help'], io)).toBe(0);
    expect(io.stdoutText()).toContain('Usage: udp-echo-server [options] [port] [host]');
    expect(io.stdoutText()).toContain('--delay <ms[±jitter]>');
  });

  it('prints stats lines every interval, stays quiet per datagram with --quiet, and stops on abort', async () => {
    const stop = new AbortController();
    const io = captureIo(stop.signal);
    const running = runServerCli(['0', '::1', '--quiet', '--stats-interval', '0.02', '--drop', '0.5', '--delay', '1+-1', '--seed', '3'], io);
    const [, port] = await waitForOutput(
      io.stdoutText,
      /listening on udp:\/\/\[::1\]:(\d+) \(simulating drop 0\.5, delay 1±1 ms, seed 3\)\n/,
      io.onStdout,
    );
    const client = createSocket('udp6');
    client.send(Buffer.from('x'), Number(port), '::1');
    await waitForOutput(io.stdoutText, /stats: in 1 datagrams \(1 B\)/, io.onStdout);
    client.close();
    stop.abort();
    expect(await running).toBe(0);
    const out = io.stdoutText();
    expect(out).not.toMatch(/B (echoed|dropped)/);
    expect(out).not.toContain('peer ');
    expect(out).toMatch(/totals: in 1 datagrams \(1 B\), .*peers 1\n$/);
  });
});
