import { connect, createServer, type Server, type Socket } from 'node:net';
import { waitFor } from '@mths/test-kit';
import { TurnCork } from './turn-cork';

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A real loopback pair: the server's side of the connection and what the client has read. */
async function socketPair(): Promise<{ server: Server; side: Socket; client: Socket; received: () => string }> {
  let side: Socket | undefined;
  const server = createServer((s) => {
    side = s;
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  const client = connect(port, '127.0.0.1');
  let text = '';
  client.on('data', (chunk: Buffer) => {
    text += chunk.toString('latin1');
  });
  await waitFor(() => side !== undefined, 2_000, 'the accepted socket');
  return { server, side: side!, client, received: () => text };
}

describe('TurnCork', () => {
  let pair: Awaited<ReturnType<typeof socketPair>>;
  beforeEach(async () => {
    pair = await socketPair();
  });
  afterEach(async () => {
    pair.client.destroy();
    pair.side.destroy();
    await new Promise<void>((resolve) => pair.server.close(() => resolve()));
  });

  it('holds the writes of a turn and sends them when the turn ends', async () => {
    const cork = new TurnCork();
    cork.hold(pair.side);
    pair.side.write('one ');
    cork.hold(pair.side);
    pair.side.write('two');
    // Corked once however often it is held; nothing has reached the kernel yet.
    expect(pair.side.writableCorked).toBe(1);
    expect(pair.side.writableLength).toBe(7);
    await nextTurn();
    expect(pair.side.writableCorked).toBe(0);
    await waitFor(() => pair.received() === 'one two', 2_000, 'both writes at the client');
  });

  it('corks again in a later turn', async () => {
    const cork = new TurnCork();
    cork.hold(pair.side);
    pair.side.write('a');
    await nextTurn();
    cork.hold(pair.side);
    expect(pair.side.writableCorked).toBe(1);
    pair.side.write('b');
    await nextTurn();
    expect(pair.side.writableCorked).toBe(0);
    await waitFor(() => pair.received() === 'ab', 2_000, 'both turns at the client');
  });

  it('lets end() flush at once, and the turn end is then harmless', async () => {
    const cork = new TurnCork();
    cork.hold(pair.side);
    pair.side.end('last words');
    expect(pair.side.writableCorked).toBe(0);
    await nextTurn();
    await waitFor(() => pair.received() === 'last words', 2_000, 'the final write');
  });

  it('leaves a socket corked by someone else to them', async () => {
    const cork = new TurnCork();
    pair.side.cork();
    cork.hold(pair.side);
    pair.side.write('x');
    await nextTurn();
    expect(pair.side.writableCorked).toBe(1);
    pair.side.uncork();
    await waitFor(() => pair.received() === 'x', 2_000, 'the write after its own uncork');
  });
});
