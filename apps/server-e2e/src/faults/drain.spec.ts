// SPEC §2/§3: SIGTERM drains: a 32 MiB download in progress, read slowly, still gets every
// byte, then the server prints its stats line and exits 0.
import { get } from '../harness/contract-row';
import { createFixtureSite, sha256, textBytes, type FixtureSite } from '../harness/fixture-site';
import { HTTP_SERVER_4, SIMPLE_SERVER } from '../harness/implementations';
import { ServerProcess } from '../harness/server-process';
import { pause, waitFor, within } from '@mths/test-kit';

const MIB = 1024 * 1024;

/** 32 MiB of text: one random MiB repeated, each copy stamped with its index, so a lost or repeated block shows. */
function hugeText(): Buffer {
  const block = textBytes(MIB, 7);
  const out = Buffer.alloc(32 * MIB);
  for (let i = 0; i < 32; i++) {
    block.copy(out, i * MIB);
    out.write(`#block ${String(i).padStart(4, '0')}\n`, i * MIB, 'latin1');
  }
  return out;
}

describe.each([HTTP_SERVER_4, SIMPLE_SERVER])('drain on SIGTERM: $name', (impl) => {
  const HUGE = hugeText();
  const HUGE_SHA = sha256(HUGE);
  let site: FixtureSite | undefined;
  let server: ServerProcess | undefined;
  beforeAll(() => {
    site = createFixtureSite();
    site.addFile('huge.txt', HUGE);
  });
  afterAll(() => {
    server?.kill();
    site?.remove();
  });

  test('a slow 32 MiB download started before SIGTERM completes byte for byte; exit 0', async () => {
    server = await ServerProcess.start(impl, { site: site!, flags: ['--drain-timeout', '20', '--quiet'] });
    const s = server;
    const client = await s.connect({ keepRaw: false, keepBodies: false });
    client.socket.pause();
    await client.send(get('/huge.txt', s));
    client.socket.resume();
    await waitFor(() => client.currentBodyBytes > 0, 10_000, 'the download to start');
    client.socket.pause();
    const atSignal = client.currentBodyBytes;
    expect(atSignal).toBeLessThan(HUGE.length);
    s.signal('SIGTERM');

    // Read slowly: 1 MiB, then 25 ms without reading, until the response is complete.
    let mark = client.receivedBytes;
    client.socket.on('data', () => {
      if (client.receivedBytes - mark < 1024 * 1024) return;
      mark = client.receivedBytes;
      client.socket.pause();
      void pause(25).then(() => client.socket.resume());
    });
    client.socket.resume();
    const response = await client.response(20_000);
    expect(response.status).toBe(200);
    expect({ length: response.bodyLength, sha256: response.sha256 }).toEqual({ length: HUGE.length, sha256: HUGE_SHA });

    const exit = await within(s.exited, 15_000, 'the exit after the drain');
    expect(exit).toEqual({ code: 0, signal: null });
    expect(s.finalStats()).toBeDefined();
  }, 40_000);
});
