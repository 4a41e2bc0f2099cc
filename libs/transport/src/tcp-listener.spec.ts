import { connect, createServer, type Server, type Socket } from 'node:net';
import { once } from 'node:events';
import { randomBytes } from 'node:crypto';
import { nextTurn, waitFor, within } from '@mths/test-kit';
import { tcpListenerFactory, formatHostPort } from './tcp-listener';
import { TransportError } from './errors';

// No accept can fail on loopback here: if one did, the test should say so loudly.
function onAcceptError(error: Error): never {
  throw error;
}

describe('tcpListenerFactory', () => {
  it('listens on a free port and hands over each connection', async () => {
    const accepted: Socket[] = [];
    const listener = await tcpListenerFactory.listen({ host: '127.0.0.1', port: 0, reusePort: false, onAcceptError }, (s) => {
      accepted.push(s);
      s.end('hi');
    });
    expect(listener.address.port).toBeGreaterThan(0);
    const client = connect(listener.address.port, '127.0.0.1');
    const [data] = await once(client, 'data');
    expect(String(data)).toBe('hi');
    expect(accepted).toHaveLength(1);
    client.destroy();
    await listener.close();
  });

  it('lets two listeners share one port with reusePort', async () => {
    const first = await tcpListenerFactory.listen({ host: '127.0.0.1', port: 0, reusePort: true, onAcceptError }, (s) => s.end());
    const second = await tcpListenerFactory.listen(
      { host: '127.0.0.1', port: first.address.port, reusePort: true, onAcceptError },
      (s) => s.end(),
    );
    expect(second.address.port).toBe(first.address.port);
    await Promise.all([first.close(), second.close()]);
  });

  it('reports a busy port as TRANSPORT_ADDRESS_IN_USE', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    const attempt = tcpListenerFactory.listen({ host: '127.0.0.1', port, reusePort: true, onAcceptError }, () => undefined);
    await expect(attempt).rejects.toBeInstanceOf(TransportError);
    await expect(attempt).rejects.toMatchObject({ code: 'TRANSPORT_ADDRESS_IN_USE', systemCode: 'EADDRINUSE' });
    blocker.close();
  });

  it('reads every socket into one shared buffer (the fast path is on, not silently off)', async () => {
    const memories = new Set<ArrayBufferLike>();
    const listener = await tcpListenerFactory.listen({ host: '127.0.0.1', port: 0, reusePort: false, onAcceptError }, (s) => {
      s.on('data', (chunk: Buffer) => {
        memories.add(chunk.buffer);
        s.end();
      });
    });
    for (let i = 0; i < 3; i++) {
      const client = connect(listener.address.port, '127.0.0.1', () => client.write(`client ${i}`));
      client.resume();
      await once(client, 'close');
    }
    expect(memories.size).toBe(1);
    await listener.close();
  });

  it('keeps each connection\'s bytes apart, though every read lands in one shared buffer', async () => {
    const received = new Map<Socket, Buffer[]>();
    const ended: Socket[] = [];
    const listener = await tcpListenerFactory.listen({ host: '127.0.0.1', port: 0, reusePort: false, onAcceptError }, (s) => {
      received.set(s, []);
      // A view of the shared buffer is valid during the call only: keep a copy.
      s.on('data', (chunk: Buffer) => received.get(s)!.push(Buffer.from(chunk)));
      s.on('end', () => {
        ended.push(s);
        s.end();
      });
    });
    const payloads = [randomBytes(300_000), randomBytes(200_000), randomBytes(1)];
    const clients = payloads.map((payload) => {
      const client = connect(listener.address.port, '127.0.0.1');
      client.on('connect', () => {
        // In pieces, interleaved with the other clients' writes.
        for (let at = 0; at < payload.length; at += 7_000) client.write(payload.subarray(at, at + 7_000));
        client.end();
      });
      return once(client, 'close');
    });
    await Promise.all(clients);
    expect(ended).toHaveLength(3);
    const got = [...received.values()].map((chunks) => Buffer.concat(chunks).toString('hex')).sort();
    expect(got).toEqual(payloads.map((payload) => payload.toString('hex')).sort());
    await listener.close();
  });

  it('stops reading a paused socket and reads again on resume', async () => {
    const chunks = new Map<string, Buffer[]>();
    const sockets = new Map<string, Socket>();
    const listener = await tcpListenerFactory.listen({ host: '127.0.0.1', port: 0, reusePort: false, onAcceptError }, (s) => {
      s.once('data', (first: Buffer) => {
        // Each client introduces itself with one letter; 'p' pauses after every read.
        const name = String.fromCharCode(first[0]!);
        sockets.set(name, s);
        chunks.set(name, [Buffer.from(first)]);
        if (name === 'p') s.pause();
        s.on('data', (chunk: Buffer) => {
          chunks.get(name)!.push(Buffer.from(chunk));
          if (name === 'p') s.pause();
        });
      });
    });
    const paused = connect(listener.address.port, '127.0.0.1');
    const marker = connect(listener.address.port, '127.0.0.1');
    await Promise.all([once(paused, 'connect'), once(marker, 'connect')]);
    paused.write('p');
    await waitFor(() => chunks.has('p'), 5_000, "the paused client's first byte");
    // On loopback the bytes are in the server's socket when write returns: once the marker's
    // byte has been read, the paused socket's would have been too, had it been reading.
    paused.write('q');
    marker.write('m');
    await waitFor(() => chunks.has('m'), 5_000, "the marker client's byte");
    expect(Buffer.concat(chunks.get('p')!).toString()).toBe('p');
    sockets.get('p')!.resume();
    await waitFor(() => chunks.get('p')!.length === 2, 5_000, 'the byte sent while paused');
    expect(Buffer.concat(chunks.get('p')!).toString()).toBe('pq');
    paused.destroy();
    marker.destroy();
    // close() waits for every accepted socket, as a net.Server does.
    for (const socket of sockets.values()) socket.destroy();
    await listener.close();
  });

  it('closes only once its sockets are gone, as a net.Server does', async () => {
    let accepted: Socket | undefined;
    const listener = await tcpListenerFactory.listen({ host: '127.0.0.1', port: 0, reusePort: false, onAcceptError }, (s) => {
      accepted = s;
    });
    const client = connect(listener.address.port, '127.0.0.1');
    await waitFor(() => accepted !== undefined, 5_000, 'the connection');
    let closed = false;
    const closing = listener.close().then(() => {
      closed = true;
    });
    // A socket left out of the server's count would let close() finish within a turn or two.
    for (let turn = 0; turn < 5; turn++) await nextTurn();
    expect(closed).toBe(false);
    accepted!.destroy();
    client.destroy();
    await within(closing, 5_000, 'the listener to close');
  });

  it('brackets IPv6 hosts', () => {
    expect(formatHostPort('::1', 80)).toBe('[::1]:80');
    expect(formatHostPort('127.0.0.1', 80)).toBe('127.0.0.1:80');
  });
});
