// One access line per request, batched: lines gather during an event-loop turn and go out in
// one write (in a worker thread every write is a message to the main thread).
import { Chalk, type ChalkInstance } from 'chalk';
import type { MessageHead } from '@mths/http-parser';
import type { Peer } from './pending-request';

export interface AccessEntry {
  readonly remoteAddress: string;
  readonly method: string;
  readonly target: string;
  readonly versionMinor: number;
  readonly status: number;
  readonly bytes: number;
  readonly ms: number;
}

export interface LogSink {
  write(text: string): unknown;
}

function colourStatus(paint: ChalkInstance, status: number): string {
  const text = String(status);
  if (status >= 500) return paint.red(text);
  if (status >= 400) return paint.yellow(text);
  if (status >= 300) return paint.cyan(text);
  return paint.green(text);
}

export class AccessLog {
  private pending: string[] = [];
  private scheduled = false;
  // The caller decides about colour (a worker thread's stdout is never a TTY, its parent's may be).
  private readonly paint: ChalkInstance;

  constructor(
    private readonly out: LogSink,
    private readonly err: LogSink,
    private readonly options: { readonly quiet: boolean; readonly colour: boolean; readonly worker: number },
  ) {
    this.paint = new Chalk({ level: options.colour ? 1 : 0 });
  }

  /**
   * One answer: its access line (`head` null: the request could not be parsed; `-` stands in),
   * and a warning too for a 5xx. The peer's address is asked only when a line needs it.
   */
  answered(peer: Peer, head: MessageHead | null, status: number, bytes: number, startedAt: number): void {
    if (status >= 500) this.warn(`${status} answered to ${peer.remoteAddress}`);
    if (this.options.quiet) return;
    this.request({
      remoteAddress: peer.remoteAddress,
      method: head?.method ?? '-',
      target: head?.target ?? '-',
      versionMinor: head?.versionMinor ?? 1,
      status,
      bytes,
      ms: performance.now() - startedAt,
    });
  }

  /** `<ip> "<method> <target> <version>" <status> <bytes> <ms> t<worker>` */
  request(entry: AccessEntry): void {
    if (this.options.quiet) return;
    const status = this.options.colour ? colourStatus(this.paint, entry.status) : String(entry.status);
    this.pending.push(
      `${entry.remoteAddress} "${entry.method} ${entry.target} HTTP/1.${entry.versionMinor}" ${status} ${entry.bytes} ${entry.ms.toFixed(3)} t${this.options.worker}\n`,
    );
    this.schedule();
  }

  /** Warnings (timeouts, rejected hosts, 5xx) go to stderr at once, never silenced. */
  warn(message: string): void {
    const line = `warn t${this.options.worker}: ${message}\n`;
    this.err.write(this.paint.yellow(line));
  }

  flush(): void {
    this.scheduled = false;
    if (this.pending.length === 0) return;
    const text = this.pending.join('');
    this.pending = [];
    this.out.write(text);
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.flush());
  }
}
