// SPEC §3 POST /upload "a crash leaves none": the temp file of an upload whose writer died
// (a crashed process, a crashed worker thread) is removed, and only such temp files: a server
// starting up clears those of processes that are gone, and http-server's supervisor clears a
// crashed worker's as it replaces it. Temp files are named `.<final>.<pid>-<threadId>.tmp`.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createFixtureSite, type FixtureSite } from '../harness/fixture-site';
import { HTTP_SERVER_1, SIMPLE_SERVER } from '../harness/implementations';
import { ServerProcess } from '../harness/server-process';

const FINAL = 'upload_20261128T031500123Z_0123456789abcdef01234567.json';
const temp = (pid: number, threadId: number) => `.${FINAL}.${pid}-${threadId}.tmp`;

function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '0']).pid!;
}

describe('unfinished uploads left by a crash', () => {
  let site: FixtureSite | undefined;
  let server: ServerProcess | undefined;
  const plant = (...names: string[]) => names.forEach((name) => writeFileSync(join(site!.uploads, name), '{"cut off":'));
  afterEach(async () => {
    const exit = await server?.stop();
    server = undefined;
    site?.remove();
    expect(exit?.code).toBe(0);
  });

  test.each([HTTP_SERVER_1, SIMPLE_SERVER])('$name at start-up removes those of gone processes, nothing else', async (impl) => {
    site = createFixtureSite();
    const gone = temp(deadPid(), 1);
    const untagged = `.${FINAL}.tmp`;
    const live = temp(process.pid, 0);
    plant(gone, untagged, live, FINAL);
    const before = site.listUploads();

    server = await ServerProcess.start(impl, { site, flags: ['--quiet'] });
    await server.waitForLine('stderr', (line) => line.includes('removed 2 unfinished upload temp file(s)'), 10_000);
    expect(site.listUploads()).toEqual(before.filter((name) => name !== gone && name !== untagged));
  });

  test('http-server removes a crashed worker’s temps as it replaces the worker, and no other thread’s', async () => {
    site = createFixtureSite();
    server = await ServerProcess.start(HTTP_SERVER_1, { site, flags: ['--quiet'], env: { MTHS_TEST_HOOKS: '1' } });
    const pid = server.child.pid!;
    // The worker's thread id is not printed: plant one temp for each id a worker can have here.
    // Thread 0 is the supervisor itself, which is alive.
    const candidates = Array.from({ length: 9 }, (_, threadId) => temp(pid, threadId));
    plant(...candidates);

    const from = server.stderr.length;
    server.signal('SIGUSR2');
    await server.waitForLine('stderr', (line) => line.includes('worker 0 crashed'), 10_000, from);
    await server.waitForLine('stderr', (line) => line.includes('removed 1 unfinished upload temp file(s)'), 10_000, from);
    const gone = candidates.filter((name) => !site!.listUploads().includes(name));
    expect(gone).toHaveLength(1);
    expect(gone[0]).not.toBe(temp(pid, 0));
    await server.waitForLine('stderr', (line) => line.includes('worker 0 restarted'), 10_000, from);
  });
});
