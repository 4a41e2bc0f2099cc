// Exit codes and one-line reasons of the client's command line.

import { runClientCli } from './cli';
import { captureIo } from './testing/capture-io';

describe('udp-echo-client command line', () => {
  it.each([
    [['ping'], /missing required argument 'host'/],
    [['ping', '127.0.0.1'], /missing required argument 'port'/],
    [['ping', '127.0.0.1', 'http'], /port must be an integer from 0 to 65535, got 'http'/],
    [['ping', '127.0.0.1', '9000', '--count', '0'], /count must be an integer from 1/],
    [['ping', '127.0.0.1', '9000', '--size', '10'], /size must be an integer from 24 to 65507/],
    [['ping', '127.0.0.1', '9000', '--size', '65508'], /size must be an integer from 24 to 65507/],
    [['ping', '127.0.0.1', '9000', '--interval', '-5'], /interval must be an integer/],
    [['ping', '127.0.0.1', '9000', '--timeout', 'soon'], /timeout must be an integer from 1/],
    [['ping', '127.0.0.1', '9000', '--bogus'], /unknown option '--bogus'/],
    [['ping', '127.0.0.1', '9000', 'extra'], /too many arguments/],
    [['127.0.0.1', '70000'], /port must be an integer from 0 to 65535/],
  ])('%j exits 2 with a one-line reason', async (argv, reason) => {
    const io = captureIo();
    expect(await runClientCli(argv, io)).toBe(2);
    const stderr = io.stderrText();
    expect(stderr).toMatch(reason);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(io.stdoutText()).toBe('');
  });

  it('prints help and exits 0', async () => {
    const io = captureIo();
    expect(await runClientCli(['--help'], io)).toBe(0);
    expect(io.stdoutText()).toContain('Usage: udp-echo-client [options] [command] [host] [port]');
    const ping = captureIo();
    expect(await runClientCli(['ping', '--help'], ping)).toBe(0);
    expect(ping.stdoutText()).toContain('--flood');
    expect(ping.stdoutText()).toContain('(default: 56)');
  });
});
