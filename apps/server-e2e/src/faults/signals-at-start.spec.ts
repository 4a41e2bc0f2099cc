// SPEC §2 and the CLI contract: once `listening on` is printed, scripts may signal the server.
// SIGUSR1 at that instant must print stats (not start Node's inspector, SIGUSR1's default), and
// SIGTERM at that instant must drain and exit 0 (not die of the signal).
import { IMPLEMENTATIONS } from '../harness/implementations';
import { ServerProcess } from '../harness/server-process';
import { within } from '@mths/test-kit';

const ATTEMPTS = [1, 2, 3];

describe.each(IMPLEMENTATIONS)('signals right at start: $name', (impl) => {
  test.each(ATTEMPTS)('SIGUSR1 the moment `listening on` appears -> a stats line (attempt %i)', async () => {
    const server = await ServerProcess.start(impl, { signalOnListening: 'SIGUSR1', flags: ['--quiet'] });
    try {
      await server.waitForLine('stdout', (line) => line.startsWith('stats '), 3000);
      expect(server.stderr.filter((line) => line.includes('Debugger listening'))).toEqual([]);
    } finally {
      expect(await server.stop()).toEqual({ code: 0, signal: null });
    }
  });

  test.each(ATTEMPTS)('SIGTERM the moment `listening on` appears -> exit 0 with stats (attempt %i)', async () => {
    const server = await ServerProcess.start(impl, { signalOnListening: 'SIGTERM', flags: ['--quiet'] });
    const exit = await within(server.exited, 15_000, `${impl.name} to exit`);
    await server.stop();
    expect(exit).toEqual({ code: 0, signal: null });
    expect(server.finalStats()).toBeDefined();
  });
});
