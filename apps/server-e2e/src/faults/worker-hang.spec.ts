// SPEC §3 "Load" (the main thread supervises) and §6: a worker whose event loop is stuck is
// found by its missing heartbeat, replaced, and the server keeps answering (hang injected by
// the MTHS_TEST_HOOKS=hang SIGUSR2 switch of http-server).
import type { Implementation } from '../harness/implementations';
import { useServer } from '../harness/use-server';
import { expectStillServing } from './still-serving';

const HTTP_SERVER_2: Implementation = { name: 'http-server, 2 threads', app: 'http-server', threads: 2 };

describe('worker hang: http-server, 2 threads', () => {
  const server = useServer(HTTP_SERVER_2, { env: { MTHS_TEST_HOOKS: 'hang' }, flags: ['--watchdog', '0.5'] });

  test('SIGUSR2 blocks worker 0: declared unresponsive, replaced, and requests are answered', async () => {
    const s = server();
    const from = s.stderr.length;
    s.signal('SIGUSR2');
    await s.waitForLine('stderr', (line) => line.includes('worker 0 is unresponsive'), 10_000, from);
    await s.waitForLine('stderr', (line) => line.includes('worker 0 restarted'), 10_000, from);
    expect(s.exit).toBeNull();

    await expectStillServing(s);
  });
});
