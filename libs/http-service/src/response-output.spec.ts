import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLOSE_HEADERS, HttpResponseBuilder, keepAliveHeaders } from '@mths/response-builders';
import { nextTurn } from '@mths/test-kit';
import { serverConfig } from './config';
import { ResponseArena } from './response-arena';
import { ResponseOutput, connectionLines } from './response-output';
import { TurnFlush } from './turn-flush';

function newOutput(server: Socket, arena = new ResponseArena()): ResponseOutput {
  return new ResponseOutput(server, new TurnFlush(), arena);
}

/** A real loopback pair: `server` is the side ResponseOutput writes to, `received` what the client got. */
async function socketPair(
  clientReads: boolean,
): Promise<{ server: Socket; client: Socket; received: () => Buffer; ended: Promise<void>; close: () => void }> {
  const listener: Server = createServer();
  listener.listen(0, '127.0.0.1');
  await once(listener, 'listening');
  const { port } = listener.address() as { port: number };
  const accepted = once(listener, 'connection') as Promise<[Socket]>;
  const client = createConnection(port, '127.0.0.1');
  const chunks: Buffer[] = [];
  if (clientReads) client.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = once(client, 'end').then(() => undefined);
  const [server] = await accepted;
  return {
    server,
    client,
    received: () => Buffer.concat(chunks),
    ended,
    close: () => {
      client.destroy();
      server.destroy();
      listener.close();
    },
  };
}

function fixed(body: Buffer) {
  return HttpResponseBuilder.fixedHead(200, [['Content-Type', 'text/plain; charset=utf-8'], ['Content-Length', body.length]]);
}

/** The bodies, in the order they arrived, of the responses in `bytes`. */
function bodiesIn(bytes: Buffer): string[] {
  return bytes
    .toString('latin1')
    .split(/HTTP\/1\.1 200 OK\r\n/)
    .slice(1)
    .map((response) => response.slice(response.indexOf('\r\n\r\n') + 4));
}

describe('ResponseOutput', () => {
  const pairs: Array<{ close: () => void }> = [];
  afterEach(() => pairs.splice(0).forEach((pair) => pair.close()));

  async function pair(clientReads = true) {
    const made = await socketPair(clientReads);
    pairs.push(made);
    return made;
  }

  it('holds a small response until the turn ends, then writes it whole', async () => {
    const { server, received, ended } = await pair();
    const output = newOutput(server);
    const body = Buffer.from('hello');
    const written = output.send(fixed(body), CLOSE_HEADERS, body);
    expect(server.bytesWritten).toBe(0);
    await nextTurn();
    expect(server.bytesWritten).toBe(written);
    output.end();
    await ended;
    expect(received().length).toBe(written);
    expect(bodiesIn(received())).toEqual(['hello']);
  });

  it('keeps the order of a turn: held, second held, large body, then the end', async () => {
    const { server, received, ended } = await pair();
    const output = newOutput(server);
    const keepAlive = keepAliveHeaders(5, 10);
    const large = Buffer.alloc(20 * 1024, 'L');
    output.send(fixed(Buffer.from('one')), keepAlive, Buffer.from('one'));
    output.send(fixed(Buffer.from('two')), keepAlive, Buffer.from('two'));
    output.send(fixed(large), keepAlive, large);
    output.send(fixed(Buffer.from('four')), CLOSE_HEADERS, Buffer.from('four'));
    output.end();
    await ended;
    expect(bodiesIn(received())).toEqual(['one', 'two', large.toString('latin1'), 'four']);
  });

  it('sends a file after what is held, and an interim response at once', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'response-output-'));
    try {
      const file = join(folder, 'big.txt');
      writeFileSync(file, 'F'.repeat(1000));
      const { server, received, ended } = await pair();
      const output = newOutput(server);
      output.send(fixed(Buffer.from('held')), keepAliveHeaders(5, 10), Buffer.from('held'));
      output.sendNow(Buffer.from('HTTP/1.1 100 Continue\r\n\r\n', 'latin1'));
      const head = HttpResponseBuilder.fixedHead(200, [['Content-Length', 1000]]);
      const sent = await output.sendFile(Buffer.concat([head, CLOSE_HEADERS, Buffer.from('\r\n')]), file, 1000);
      expect(sent).toBe(1000);
      output.end();
      await ended;
      const text = received().toString('latin1');
      expect(text.indexOf('held')).toBeLessThan(text.indexOf('100 Continue'));
      expect(text.endsWith('F'.repeat(1000))).toBe(true);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('writes nothing it held once discarded', async () => {
    const { server } = await pair();
    const output = newOutput(server);
    output.send(fixed(Buffer.from('lost')), CLOSE_HEADERS, Buffer.from('lost'));
    output.discard();
    await nextTurn();
    expect(server.bytesWritten).toBe(0);
  });

  it('never reuses arena memory a socket still holds: a stalled client gets every byte intact', async () => {
    const arena = new ResponseArena(64 * 1024);
    const slow = await pair(false);
    const fast = await pair();
    const stalled = newOutput(slow.server, arena);
    const busy = newOutput(fast.server, arena);
    const bodyA = Buffer.alloc(15 * 1024, 'A');
    // Held responses until the kernel's buffers are full and Node keeps the rest of a write.
    let sentA = 0;
    while (stalled.unreadBytes === 0) {
      sentA += stalled.send(fixed(bodyA), keepAliveHeaders(5, 10), bodyA);
      await nextTurn();
    }
    // Other responses, made from the same arena, turn after turn.
    const bodyB = Buffer.alloc(15 * 1024, 'B');
    for (let turn = 0; turn < 20; turn++) {
      busy.send(fixed(bodyB), keepAliveHeaders(5, 10), bodyB);
      busy.send(fixed(bodyB), keepAliveHeaders(5, 10), bodyB);
      await nextTurn();
    }
    const got: Buffer[] = [];
    let gotBytes = 0;
    const all = new Promise<void>((resolve) =>
      slow.client.on('data', (chunk: Buffer) => {
        got.push(chunk);
        gotBytes += chunk.length;
        if (gotBytes >= sentA) resolve();
      }),
    );
    slow.client.resume();
    await all;
    const bodies = bodiesIn(Buffer.concat(got));
    expect(bodies.length).toBeGreaterThan(1);
    expect(bodies.every((body) => body === bodyA.toString('latin1'))).toBe(true);
  });

  it('restarts the stall clock while nothing waits, and stops it when the client does not read', async () => {
    const { server } = await pair(false);
    const output = newOutput(server);
    output.trackProgress(100);
    expect(output.stalledSince).toBe(100);
    // More than the kernel's buffers on both sides take: the rest waits in ours.
    const large = Buffer.alloc(16 * 1024 * 1024, 'x');
    output.send(fixed(large), CLOSE_HEADERS, large);
    await nextTurn();
    expect(output.unreadBytes).toBeGreaterThan(0);
    output.trackProgress(200);
    expect(output.stalledSince).toBe(200);
    output.trackProgress(300);
    expect(output.stalledSince).toBe(200);
  });
});

describe('connectionLines', () => {
  const config = serverConfig({ keepAliveTimeoutMs: 4500, maxRequestsPerConnection: 10 });

  it('counts the requests left and rounds the timeout up to whole seconds', () => {
    expect(connectionLines(true, config, 3).toString('latin1')).toBe('Connection: keep-alive\r\nKeep-Alive: timeout=5, max=7\r\n');
  });

  it('says close when the connection will not be kept', () => {
    expect(connectionLines(false, config, 3)).toBe(CLOSE_HEADERS);
  });
});
