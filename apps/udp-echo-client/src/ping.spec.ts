// ping mode against the real echo server on loopback, and against a misbehaving peer that
// duplicates, corrupts, holds back and reorders echoes on purpose.

import { createSocket, type Socket } from 'node:dgram';
import { once } from 'node:events';
import { decodeProbe, startEchoServer, type EchoServer } from '@mths/udp-echo';
import { runClientCli } from './cli';
import { runPing, type PingEvent } from './ping';
import { captureIo } from './testing/capture-io';

const FAST = ['--interval', '5', '--timeout', '500'];

describe('ping', () => {
  let server: EchoServer | undefined;

  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('prints one ping(8)-style line per reply and a summary, exit 0 when all came back', async () => {
    server = await startEchoServer({ port: 0 });
    const io = captureIo();
    const code = await runClientCli(['ping', '127.0.0.1', String(server.address.port), '--count', '4', ...FAST], io);
    expect(code).toBe(0);
    const lines = io.stdoutText().trimEnd().split('\n');
    expect(lines[0]).toBe(`UDP ECHO 127.0.0.1:${server.address.port}: 56 data bytes`);
    for (let seq = 1; seq <= 4; seq++) {
      expect(lines[seq]).toMatch(new RegExp(`^64 bytes from 127\\.0\\.0\\.1: seq=${seq} time=\\d+\\.\\d{3} ms$`));
    }
    expect(lines[5]).toBe(`--- 127.0.0.1:${server.address.port} udp echo statistics ---`);
    expect(lines[6]).toMatch(/^4 sent, 4 received, 0% loss, 0 duplicates, 0 reordered, 0 corrupted, 0 late, time \d+ ms$/);
    expect(lines[7]).toMatch(/^rtt min\/avg\/max\/mdev = [\d.]+\/[\d.]+\/[\d.]+\/[\d.]+ ms, jitter [\d.]+ ms$/);
    expect(server.stats.totals).toMatchObject({ datagramsIn: 4, bytesIn: 4 * 56, datagramsOut: 4 });
    expect(io.stderrText()).toBe('');
  });

  it.each([24, 1400, 65507])('sends and verifies %d-byte probes', async (size) => {
    server = await startEchoServer({ port: 0 });
    const result = await runPing({ host: '127.0.0.1', port: server.address.port, count: 2, size, intervalMs: 5, timeoutMs: 500, flood: false });
    expect(result.counts).toMatchObject({ sent: 2, received: 2, corrupted: 0 });
    expect(server.stats.totals.bytesIn).toBe(2 * size);
  });

  it('loses exactly what the seeded server drops (--drop 0.5), summary as one JSON object', async () => {
    server = await startEchoServer({ port: 0, dropRate: 0.5, seed: 4242 });
    const io = captureIo();
    const code = await runClientCli(['ping', '127.0.0.1', String(server.address.port), '--count', '20', '--interval', '5', '--timeout', '300', '--json'], io);
    const lines = io.stdoutText().trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    const summary = JSON.parse(lines[0] as string);
    const { dropped, datagramsIn } = server.stats.totals;
    expect(datagramsIn).toBe(20);
    expect(dropped).toBeGreaterThan(0);
    expect(summary).toMatchObject({ sent: 20, received: 20 - dropped, lost: dropped, duplicates: 0, corrupted: 0 });
    expect(summary.lossPercent).toBeCloseTo((dropped / 20) * 100, 5);
    expect(summary.rttMs.min).toBeLessThanOrEqual(summary.rttMs.avg);
    expect(code).toBe(1);
  });

  it('reports 100% loss and exit 1 within the timeout when nothing listens', async () => {
    const probe = createSocket('udp4');
    probe.bind(0, '127.0.0.1');
    await once(probe, 'listening');
    const deadPort = probe.address().port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));

    const io = captureIo();
    const started = performance.now();
    const code = await runClientCli(['ping', '127.0.0.1', String(deadPort), '--count', '3', '--interval', '10', '--timeout', '60'], io);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(code).toBe(1);
    expect(io.stdoutText()).toContain('3 sent, 0 received, 100% loss');
    expect(io.stdoutText()).toContain('no reply from 127.0.0.1 for seq=3 within 60 ms');
    expect(io.stdoutText()).toContain('rtt: no replies');
  });

  it('floods: each probe leaves as soon as the previous one is answered', async () => {
    server = await startEchoServer({ port: 0 });
    const result = await runPing({
      host: '127.0.0.1',
      port: server.address.port,
      count: 200,
      size: 56,
      intervalMs: 10_000,
      timeoutMs: 500,
      flood: true,
    });
    expect(result.counts).toMatchObject({ sent: 200, received: 200, reordered: 0 });
    // 200 probes at the 10 s interval would take half an hour; flood ignores it.
    expect(result.elapsedMs).toBeLessThan(2000);
  });

  it('counts replies overtaken by later ones as reordered under simulated jitter', async () => {
    server = await startEchoServer({ port: 0, delayMs: 20, jitterMs: 15, seed: 9 });
    const result = await runPing({ host: '127.0.0.1', port: server.address.port, count: 20, size: 56, intervalMs: 2, timeoutMs: 500, flood: false });
    expect(result.counts).toMatchObject({ sent: 20, received: 20, lost: 0 });
    expect(result.counts.reordered).toBeGreaterThan(0);
    expect(result.rtt?.minMs).toBeGreaterThanOrEqual(4);
  });

  it('stops sending when aborted and still prints the summary of what went out', async () => {
    server = await startEchoServer({ port: 0 });
    const controller = new AbortController();
    const events: PingEvent[] = [];
    const result = await runPing({
      host: '127.0.0.1',
      port: server.address.port,
      count: 1000,
      size: 56,
      intervalMs: 20,
      timeoutMs: 500,
      flood: false,
      signal: controller.signal,
      onEvent: (event) => {
        events.push(event);
        if (event.type === 'reply' && event.seq === 3) controller.abort();
      },
    });
    expect(result.counts.sent).toBeGreaterThanOrEqual(3);
    expect(result.counts.sent).toBeLessThan(10);
    expect(result.counts.received).toBe(result.counts.sent);
  });

  it('exits 2 with a one-line reason when the host does not resolve', async () => {
    const io = captureIo();
    expect(await runClientCli(['ping', 'no such host', '9000', '--count', '1'], io)).toBe(2);
    expect(io.stderrText()).toMatch(/^error: cannot resolve host no such host\n$/);
  });
});

describe('ping against a misbehaving peer', () => {
  /** Echoes like RFC 862 except: seq 1 twice, seq 3 with a flipped byte, seq 2 held until seq 10
   *  arrives (so it is late), seq 4 held until seq 5 has been echoed (so it is reordered). */
  async function naughtyPeer(): Promise<Socket> {
    const socket = createSocket('udp4');
    const held = new Map<number, Buffer>();
    socket.on('message', (message, from) => {
      const reply = (datagram: Buffer): void => void socket.send(datagram, from.port, from.address);
      const decoded = decodeProbe(message);
      const seq = decoded.ok ? decoded.probe.seq : -1;
      if (seq === 1) {
        reply(message);
        reply(message);
      } else if (seq === 3) {
        const damaged = Buffer.from(message);
        damaged[damaged.length - 1] = (damaged[damaged.length - 1] as number) ^ 0xff;
        reply(damaged);
      } else if (seq === 2 || seq === 4) {
        held.set(seq, message);
      } else if (seq === 5) {
        reply(message);
        reply(held.get(4) as Buffer);
      } else if (seq === 10) {
        reply(held.get(2) as Buffer);
        reply(message);
      } else {
        reply(message);
      }
    });
    socket.bind(0, '127.0.0.1');
    await once(socket, 'listening');
    return socket;
  }

  it('marks DUP!, late, reordered and corrupt replies and counts each once', async () => {
    const peer = await naughtyPeer();
    try {
      const io = captureIo();
      // Probe 2 times out at ~120 ms; probe 10 leaves at ~180 ms and releases its echo.
      const code = await runClientCli(['ping', '127.0.0.1', String(peer.address().port), '--count', '10', '--interval', '20', '--timeout', '100'], io);
      const out = io.stdoutText();
      expect(out).toMatch(/seq=1 time=[\d.]+ ms\n.*seq=1 time=[\d.]+ ms \(DUP!\)\n/);
      expect(out).toMatch(/seq=4 time=[\d.]+ ms \(reordered\)/);
      expect(out).toMatch(/seq=2 time=[\d.]+ ms \(late\)/);
      expect(out).toContain('bytes from 127.0.0.1: corrupt reply (checksum)');
      expect(out).toContain('no reply from 127.0.0.1 for seq=3 within 100 ms');
      expect(out).toContain('10 sent, 8 received, 20% loss, 1 duplicates, 1 reordered, 1 corrupted, 1 late');
      expect(code).toBe(1);
    } finally {
      peer.close();
    }
  });
});
