// One access line per request, batched: lines gather during an event-loop turn and go out in
// one write (in a worker thread every write is a message to the main thread).
import { styleText } from 'node:util';

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

function colourStatus(status: number): string {
  const text = String(status);
  if (status >= 500) return styleText('red', text);
  if (status >= 400) return styleText('yellow', text);
  if (status >= 300) return styleText('cyan', text);
  return styleText('green', text);
}

export class AccessLog {
  private pending: string[] = [];
  private scheduled = false;

  constructor(
    private readonly out: LogSink,
    private readonly err: LogSink,
    private readonly options: { readonly quiet: boolean; readonly colour: boolean; readonly worker: number },
  ) {}

  get enabled(): boolean {
    return !this.options.quiet;
  }

  /** `<ip> "<method> <target> <version>" <status> <bytes> <ms> t<worker>` */
  request(entry: AccessEntry): void {
    if (this.options.quiet) return;
    const status = this.options.colour ? colourStatus(entry.status) : String(entry.status);
    this.pending.push(
      `${entry.remoteAddress} "${entry.method} ${entry.target} HTTP/1.${entry.versionMinor}" ${status} ${entry.bytes} ${entry.ms.toFixed(3)} t${this.options.worker}\n`,
    );
    this.schedule();
  }

  /** Warnings (timeouts, rejected hosts, 5xx) go to stderr at once, never silenced. */
  warn(message: string): void {
    const line = `warn t${this.options.worker}: ${message}\n`;
    this.err.write(this.options.colour ? styleText('yellow', line) : line);
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
