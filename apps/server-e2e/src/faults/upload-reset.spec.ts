// SPEC §3 POST /upload: the file is written to a temporary name and renamed, so a client
// that resets mid-body leaves nothing behind (no file, no temporary) under uploads/.
import { readdirSync } from 'node:fs';
import { fill } from '../harness/contract-row';
import { IMPLEMENTATIONS } from '../harness/implementations';
import { useServer } from '../harness/use-server';

const DECLARED = 256 * 1024;

function listTree(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() && !entry.isSymbolicLink() ? listTree(`${dir}/${entry.name}`, `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`],
  );
}

describe.each(IMPLEMENTATIONS)('upload reset: $name', (impl) => {
  const server = useServer(impl);

  test('half a body, then a TCP reset: no file and no temporary remain', async () => {
    const s = server();
    const treeBefore = listTree(s.site.root).sort();
    const statsBefore = await s.stats();
    const client = await s.connect();
    const head = fill(`POST /upload HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\nContent-Length: ${DECLARED}\r\n\r\n`, s);
    const half = Buffer.from(`{"data":"${'x'.repeat(DECLARED / 2)}`, 'latin1');
    await client.send(Buffer.concat([head, half]));
    // The real condition: the server has read what was sent (its bytesIn counter).
    const sent = head.length + half.length;
    await s.waitForStats((stats) => stats.total.bytesIn - statsBefore.total.bytesIn >= sent, 10_000, 'the half body read');
    client.reset();
    // And it has let go of the connection (its gauge) before the folders are checked.
    await s.waitForStats((stats) => stats.total.connections === 0, 10_000, 'no open connection');
    expect(s.site.listUploads()).toEqual([]);
    expect(listTree(s.site.root).sort()).toEqual(treeBefore);
    expect(s.exit).toBeNull();
  });
});
