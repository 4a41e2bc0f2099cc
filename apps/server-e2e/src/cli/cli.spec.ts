// SPEC §2: both servers' command lines: --help exits 0, bad arguments exit 2 with a one-line
// reason, a busy port (another http-server's included) exits 1 with a one-line reason, and
// nothing starts listening.
import { createServer, type AddressInfo, type Server } from 'node:net';
import type { AppName } from '../harness/implementations';
import { runCli } from '../harness/run-cli';

const badArgs: Array<[string, readonly string[]]> = [
  ['unknown flag', ['0', '127.0.0.1', '--no-such-flag']],
  ['port out of range', ['99999']],
  ['port not a number', ['eighty']],
  ['--max-body not a size', ['0', '127.0.0.1', '--max-body', 'lots']],
  ['--header-timeout negative', ['0', '127.0.0.1', '--header-timeout', '-1']],
  ['--keep-alive-timeout not a number', ['0', '127.0.0.1', '--keep-alive-timeout', 'soon']],
  ['--max-connections zero', ['0', '127.0.0.1', '--max-connections', '0']],
  ['--max-requests-per-connection not a number', ['0', '127.0.0.1', '--max-requests-per-connection', 'x']],
  ['--root without a value', ['0', '127.0.0.1', '--root']],
];
const threadArgs: Array<[string, readonly string[]]> = [
  ['zero threads', ['0', '127.0.0.1', '0']],
  ['threads not a number', ['0', '127.0.0.1', 'many']],
];

function oneLine(text: string): string[] {
  return text.split('\n').filter((line) => line.trim().length > 0);
}

describe.each<[AppName, Array<[string, readonly string[]]>]>([
  ['http-server', [...badArgs, ...threadArgs]],
  ['simple-server', [...badArgs, ['a third positional', ['0', '127.0.0.1', '4']]]],
])('CLI: %s', (app, rows) => {
  test('--help exits 0 and lists the flags', async () => {
    const run = await runCli(app, ['--help']);
    expect(run.code).toBe(0);
    for (const flag of ['--root', '--max-body', '--keep-alive-timeout', '--max-connections']) expect(run.stdout).toContain(flag);
  });

  test.each(rows)('%s -> exit 2 with a one-line reason', async (_name, args) => {
    const run = await runCli(app, args);
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 2, stderr: expect.stringMatching(/\S/) });
    expect(oneLine(run.stderr)).toHaveLength(1);
    expect(run.stdout).not.toContain('listening on');
  });

  // A listener with SO_REUSEPORT stands for another http-server: without a check, a second
  // http-server would join its port group and the kernel would share connections between them.
  describe.each([
    ['busy port', false],
    ['port held by a SO_REUSEPORT listener (another http-server)', true],
  ])('%s', (_name, reusePort) => {
    let blocker: Server;
    beforeAll(async () => {
      blocker = createServer();
      await new Promise<void>((resolve) => blocker.listen({ port: 0, host: '127.0.0.1', reusePort }, resolve));
    });
    afterAll(async () => {
      await new Promise((resolve) => blocker.close(resolve));
    });

    test('-> exit 1 with a one-line reason', async () => {
      const port = (blocker.address() as AddressInfo).port;
      const run = await runCli(app, app === 'http-server' ? [String(port), '127.0.0.1', '1'] : [String(port), '127.0.0.1']);
      expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 1, stderr: expect.stringMatching(/already in use/) });
      expect(oneLine(run.stderr)).toHaveLength(1);
      expect(run.stdout).not.toContain('listening on');
    });
  });
});
