// The echo server over real loopback sockets (RFC 862 section "UDP Based Echo Service").

import { waitFor } from '@mths/test-kit';
import { createSocket, type Socket } from 'node:dgram';
import { once } from 'node:events';
import { startEchoServer, type EchoServer } from './echo-server';
import { isUdpEchoError } from './errors';

const WAIT_MS = 2000;

/** A client socket that collects every datagram it receives. */
async function openClient(type: 'udp4' | 'udp6' = 'udp4'): Promise<{ socket: Socket; received: Buffer[] }> {
  const socket = createSocket(type);
  const received: Buffer[] = [];
  socket.on('message', (message) => received.push(message));
  socket.bind(0, type === 'udp4' ? '127.0.0.1' : '::1');
  await once(socket, 'listening');
  return { socket, received };
}

/** Waits (bounded by WAIT_MS) for a real condition: no fixed sleeps. */
async function until(condition: () => boolean, what: string): Promise<void> {
  await waitFor(condition, WAIT_MS, what);
}

function send(socket: Socket, payload: Buffer, server: EchoServer): Promise<void> {
  return new Promise((resolve, reject) => {
    socket.send(payload, server.address.port, server.address.address, (error) => (error ? reject(error) : resolve()));
  });
}

describe('startEchoServer', () => {
  let server: EchoServer | undefined;
  const sockets: Socket[] = [];

  afterEach(async () => {
    for (const socket of sockets.splice(0)) socket.close();
    await server?.close();
    server = undefined;
  });

  async function client(type: 'udp4' | 'udp6' = 'udp4'): Promise<{ socket: Socket; received: Buffer[] }> {
    const opened = await openClient(type);
    sockets.push(opened.socket);
    return opened;
  }

  it('binds port 0 to a free port and prints itself as a udp:// url', async () => {
    server = await startEchoServer({ port: 0 });
    expect(server.address.port).toBeGreaterThan(0);
    expect(server.url).toBe(`udp://127.0.0.1:${server.address.port}`);
  });

  it.each([0, 1, 1400, 65507])('echoes a %d-byte datagram byte for byte', async (size) => {
    server = await startEchoServer({ port: 0 });
    const { socket, received } = await client();
    const payload = Buffer.alloc(size);
    for (let i = 0; i < size; i++) payload[i] = (i * 7 + 3) & 0xff;
    await send(socket, payload, server);
    await until(() => received.length === 1, 'the echo');
    expect(received[0]?.equals(payload)).toBe(true);
    const { totals } = server.stats.snapshot();
    expect(totals).toMatchObject({ datagramsIn: 1, bytesIn: size, datagramsOut: 1, bytesOut: size, dropped: 0 });
  });

  it('serves IPv6 on ::1 with a bracketed url', async () => {
    server = await startEchoServer({ port: 0, host: '::1' });
    expect(server.url).toBe(`udp://[::1]:${server.address.port}`);
    const { socket, received } = await client('udp6');
    await send(socket, Buffer.from('over v6'), server);
    await until(() => received.length === 1, 'the echo');
    expect(received[0]?.toString()).toBe('over v6');
    expect(server.stats.snapshot().peers[0]?.peer).toMatch(/^\[::1\]:\d+$/);
  });

  it('gives several clients at once only their own replies, counted per peer', async () => {
    server = await startEchoServer({ port: 0 });
    const clients = await Promise.all([client(), client(), client(), client()]);
    const perClient = 25;
    await Promise.all(
      clients.map(async ({ socket }, c) => {
        for (let i = 0; i < perClient; i++) await send(socket, Buffer.from(`client ${c} datagram ${i}`), server as EchoServer);
      }),
    );
    await until(() => clients.every(({ received }) => received.length === perClient), 'all echoes');
    clients.forEach(({ received }, c) => {
      const texts = received.map((message) => message.toString()).sort();
      const expected = Array.from({ length: perClient }, (_, i) => `client ${c} datagram ${i}`).sort();
      expect(texts).toEqual(expected);
    });
    const { totals, peers } = server.stats.snapshot();
    expect(totals.datagramsIn).toBe(4 * perClient);
    expect(totals.datagramsOut).toBe(4 * perClient);
    expect(peers).toHaveLength(4);
    for (const peer of peers) expect(peer.datagramsIn).toBe(perClient);
  });

  it('drops what the seeded simulation says, the same count for the same seed', async () => {
    const dropCount = async (): Promise<number> => {
      const lossy = await startEchoServer({ port: 0, dropRate: 0.5, seed: 11 });
      try {
        const { socket, received } = await openClient();
        for (let i = 0; i < 40; i++) await send(socket, Buffer.from([i]), lossy);
        await until(() => lossy.stats.totals.datagramsIn === 40, 'all datagrams in');
        const { dropped } = lossy.stats.totals;
        await until(() => received.length === 40 - dropped, 'the echoes that were not dropped');
        socket.close();
        expect(lossy.stats.totals.datagramsOut).toBe(40 - dropped);
        return dropped;
      } finally {
        await lossy.close();
      }
    };
    const first = await dropCount();
    expect(first).toBeGreaterThan(5);
    expect(first).toBeLessThan(35);
    expect(await dropCount()).toBe(first);
  });

  it('delays echoes by the simulated latency', async () => {
    server = await startEchoServer({ port: 0, delayMs: 40 });
    const { socket, received } = await client();
    const started = performance.now();
    await send(socket, Buffer.from('slow'), server);
    await until(() => received.length === 1, 'the delayed echo');
    expect(performance.now() - started).toBeGreaterThanOrEqual(35);
  });

  it('discards delayed echoes on close without throwing', async () => {
    const warnings: string[] = [];
    server = await startEchoServer({ port: 0, delayMs: 30, onWarning: (line) => warnings.push(line) });
    const { socket, received } = await client();
    await send(socket, Buffer.from('never echoed'), server);
    await until(() => server?.stats.totals.datagramsIn === 1, 'the datagram');
    await server.close();
    await server.close();
    // Proving an absence needs a wait: past the 30 ms delay, nothing may have been sent.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(received).toHaveLength(0);
    expect(warnings).toEqual([]);
  });

  it('reports each datagram fate to onDatagram', async () => {
    const fates: Array<[string, number, number]> = [];
    server = await startEchoServer({ port: 0, onDatagram: (peer, bytes, fate) => fates.push([peer, bytes, fate]) });
    const { socket, received } = await client();
    await send(socket, Buffer.from('abc'), server);
    await until(() => received.length === 1, 'the echo');
    expect(fates).toEqual([[`127.0.0.1:${socket.address().port}`, 3, 0]]);
  });

  it('bounds the per-peer table and counts the rest under "other"', async () => {
    server = await startEchoServer({ port: 0, maxTrackedPeers: 2 });
    const clients = await Promise.all([client(), client(), client()]);
    for (const { socket } of clients) await send(socket, Buffer.from('x'), server);
    await until(() => clients.every(({ received }) => received.length === 1), 'all echoes');
    const { totals, peers } = server.stats.snapshot();
    expect(totals.datagramsIn).toBe(3);
    expect(peers.map((peer) => peer.peer)).toContain('other');
    expect(peers).toHaveLength(3);
  });

  it('refuses a busy port with UDP_ECHO_ADDR_IN_USE', async () => {
    server = await startEchoServer({ port: 0 });
    let caught: unknown;
    try {
      await startEchoServer({ port: server.address.port });
    } catch (error) {
      caught = error;
    }
    expect(isUdpEchoError(caught, 'UDP_ECHO_ADDR_IN_USE')).toBe(true);
  });

  it('refuses an address that is not local with UDP_ECHO_BIND_FAILED', async () => {
    let caught: unknown;
    try {
      await startEchoServer({ port: 0, host: '192.0.2.1' });
    } catch (error) {
      caught = error;
    }
    expect(isUdpEchoError(caught, 'UDP_ECHO_BIND_FAILED')).toBe(true);
  });
});
