// SPEC §3 "Load" and §6: a worker that throws is logged and replaced and the server keeps
// answering (crash injected by the MTHS_TEST_HOOKS=1 SIGUSR2 switch of http-server).
import { get } from '../harness/contract-row';
import type { Implementation } from '../harness/implementations';
import { HTTP_SERVER_1 } from '../harness/implementations';
import { useServer } from '../harness/use-server';
import { expectStillServing } from './still-serving';

const HTTP_SERVER_2: Implementation = { name: 'http-server, 2 threads', app: 'http-server', threads: 2 };

describe.each([HTTP_SERVER_1, HTTP_SERVER_2])('worker crash: $name', (impl) => {
  const server = useServer(impl, { env: { MTHS_TEST_HOOKS: '1' } });

  test('SIGUSR2 crashes worker 0: logged, restarted, and every later request is answered', async () => {
    const s = server();
    const before = await s.connect();
    await before.send(get('/', s));
    expect((await before.response()).status).toBe(200);
    before.destroy();

    const from = s.stderr.length;
    s.signal('SIGUSR2');
    await s.waitForLine('stderr', (line) => line.includes('worker 0 crashed'), 10_000, from);
    await s.waitForLine('stderr', (line) => line.includes('worker 0 restarted'), 10_000, from);
    expect(s.exit).toBeNull();

    await expectStillServing(s);
    const stats = await s.stats();
    expect(stats.workers).toHaveLength(impl.threads ?? 1);
  });
});
