// After a fault: every one of `count` fresh connections gets hello.txt, byte for byte.
import { expectBody, get } from '../harness/contract-row';
import type { ServerProcess } from '../harness/server-process';

export async function expectStillServing(s: ServerProcess, count = 20): Promise<void> {
  const clients = await Promise.all(Array.from({ length: count }, () => s.connect()));
  await Promise.all(
    clients.map(async (client) => {
      await client.send(get('/hello.txt', s));
      expectBody(await client.response(), { file: 'hello.txt' }, s.site.files);
      client.destroy();
    }),
  );
}
