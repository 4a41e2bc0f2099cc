// A raw TCP client for the service's tests: sends bytes, collects what comes back, and knows
// when the server closed the connection.
import { connect, type Socket } from 'node:net';
import { once } from 'node:events';
import { collect } from '@mths/http-parser';

export class RawClient {
  private chunks: Buffer[] = [];
  closed = false;
  private waiters: (() => void)[] = [];

  private constructor(readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => {
      this.chunks.push(chunk);
      this.wake();
    });
    socket.on('close', () => {
      this.closed = true;
      this.wake();
    });
    socket.on('error', () => undefined);
  }

  static async open(port: number): Promise<RawClient> {
    const socket = connect(port, '127.0.0.1');
    await once(socket, 'connect');
    return new RawClient(socket);
  }

  get text(): string {
    return Buffer.concat(this.chunks).toString('latin1');
  }

  send(data: string | Buffer): void {
    this.socket.write(data);
  }

  /** Waits (bounded) until `predicate` holds for what arrived so far. */
  async until(predicate: (client: RawClient) => boolean, timeoutMs = 3_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate(this)) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out; received so far:\n${this.text}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  close(): void {
    this.socket.destroy();
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }
}

/** The status lines of the complete final responses in `text`, read by our own parser. */
export function statusLines(text: string): string[] {
  const { messages } = collect('response', Buffer.from(text, 'latin1'));
  return messages
    .filter((m) => m.complete && m.head.statusCode >= 200)
    .map((m) => `HTTP/${m.head.versionMajor}.${m.head.versionMinor} ${m.head.statusCode} ${m.head.reason}`);
}
