// A ping(8)-style run against an echo server: numbered, timestamped, checksummed probes at a
// fixed interval (or back to back with flood), each given a timeout, then one summary.

import { randomInt } from 'node:crypto';
import { decodeProbe, encodePaddedProbe, UDP_ECHO_DEFAULTS, type ProbeDefect } from '@mths/udp-echo';
import { ProbeSocket, resolveTarget, type ProbeTarget } from './probe-socket';
import { ProbeTracker, type ProbeCounts, type ReplyVerdict } from './probe-tracker';
import type { RttSummary } from './rtt-stats';

export interface PingOptions {
  readonly host: string;
  readonly port: number;
  readonly count: number;
  /** UDP payload bytes per probe, at least the probe header. */
  readonly size: number;
  readonly intervalMs: number;
  readonly timeoutMs: number;
  /** Send the next probe as soon as the previous one is answered or timed out. */
  readonly flood: boolean;
  /** Aborting stops sending; probes already out still get their timeout, then the run ends. */
  readonly signal?: AbortSignal;
  readonly onEvent?: (event: PingEvent) => void;
}

export type PingEvent =
  | { readonly type: 'start'; readonly target: ProbeTarget; readonly size: number }
  | {
      readonly type: 'reply';
      readonly seq: number;
      /** UDP length (payload + 8-byte header), the way ping(8) reports ICMP length. */
      readonly bytes: number;
      readonly from: string;
      readonly rttMs: number;
      readonly verdict: Exclude<ReplyVerdict, 'unknown'>;
    }
  | { readonly type: 'timeout'; readonly seq: number; readonly from: string; readonly timeoutMs: number }
  | { readonly type: 'corrupt'; readonly bytes: number; readonly from: string; readonly defect: ProbeDefect }
  | { readonly type: 'send-error'; readonly seq: number; readonly message: string }
  | { readonly type: 'socket-error'; readonly message: string };

export interface PingResult {
  readonly target: ProbeTarget;
  readonly size: number;
  readonly counts: ProbeCounts;
  readonly rtt: RttSummary | undefined;
  readonly sendErrors: number;
  /** From the first probe to the end of the run. */
  readonly elapsedMs: number;
}

export async function runPing(options: PingOptions): Promise<PingResult> {
  const target = await resolveTarget(options.host, options.port);
  const run = new PingRun(target, options);
  return run.start();
}

class PingRun {
  private readonly tracker = new ProbeTracker();
  private readonly session = randomInt(0, 0xffff_ffff);
  private readonly timeouts = new Map<number, NodeJS.Timeout>();
  private socket: ProbeSocket | undefined;
  private nextSend: NodeJS.Timeout | undefined;
  private lastSeq = 0;
  private sendErrors = 0;
  private stopped = false;
  private finished = false;
  private startedAt = 0;
  private finish: (result: PingResult) => void = () => undefined;

  constructor(
    private readonly target: ProbeTarget,
    private readonly options: PingOptions,
  ) {}

  async start(): Promise<PingResult> {
    this.socket = await ProbeSocket.open(this.target, {
      onDatagram: (datagram, arrivedNs) => this.receive(datagram, arrivedNs),
      onError: (error) => this.emit({ type: 'socket-error', message: error.message }),
    });
    const done = new Promise<PingResult>((resolve) => {
      this.finish = resolve;
    });
    this.emit({ type: 'start', target: this.target, size: this.options.size });
    const { signal } = this.options;
    if (signal?.aborted) {
      this.stop();
    } else {
      signal?.addEventListener('abort', this.stop, { once: true });
      this.startedAt = performance.now();
      this.sendProbe();
    }
    const result = await done;
    signal?.removeEventListener('abort', this.stop);
    await this.socket.close();
    return result;
  }

  private readonly sendProbe = (): void => {
    this.nextSend = undefined;
    if (this.stopped) return;
    const { count, size, timeoutMs, intervalMs, flood } = this.options;
    const seq = this.tracker.send();
    this.lastSeq = seq;
    const datagram = encodePaddedProbe({ session: this.session, seq, sentNs: process.hrtime.bigint() }, size);
    this.timeouts.set(seq, setTimeout(this.expire, timeoutMs, seq));
    this.socket?.send(datagram, (error) => {
      if (error === null) return;
      this.sendErrors++;
      this.emit({ type: 'send-error', seq, message: error.message });
    });
    if (seq >= count) {
      this.stopped = true;
    } else if (!flood) {
      // Scheduled from the start time, not the last send, so the interval does not drift.
      const due = this.startedAt + seq * intervalMs - performance.now();
      this.nextSend = setTimeout(this.sendProbe, Math.max(0, due));
    }
  };

  private readonly expire = (seq: number): void => {
    this.timeouts.delete(seq);
    if (!this.tracker.timeout(seq)) return;
    this.emit({ type: 'timeout', seq, from: this.target.address, timeoutMs: this.options.timeoutMs });
    this.advanceFlood(seq);
    this.finishIfDone();
  };

  private receive(datagram: Buffer, arrivedNs: bigint): void {
    const from = this.target.address;
    const bytes = datagram.length + UDP_ECHO_DEFAULTS.udpHeaderBytes;
    const decoded = decodeProbe(datagram);
    if (!decoded.ok) {
      // Our socket only ever sent probes to this peer, so anything else from it is damage.
      this.tracker.corrupt();
      this.emit({ type: 'corrupt', bytes, from, defect: decoded.defect });
      return;
    }
    const { seq, session, sentNs } = decoded.probe;
    if (session !== this.session) return;
    const rttMs = Number(arrivedNs - sentNs) / 1e6;
    const verdict = this.tracker.reply(seq, rttMs);
    if (verdict === 'unknown') return;
    if (verdict === 'ok' || verdict === 'reordered') {
      clearTimeout(this.timeouts.get(seq));
      this.timeouts.delete(seq);
    }
    this.emit({ type: 'reply', seq, bytes, from, rttMs, verdict });
    if (verdict === 'ok' || verdict === 'reordered') this.advanceFlood(seq);
    this.finishIfDone();
  }

  /** In flood mode the answer (or timeout) of the newest probe releases the next one. */
  private advanceFlood(seq: number): void {
    // setImmediate, not setTimeout(0), which Node rounds up to 1 ms. Each probe releases at most
    // one successor: its timeout and its on-time reply exclude each other in the tracker.
    if (this.options.flood && seq === this.lastSeq && !this.stopped) setImmediate(this.sendProbe);
  }

  private readonly stop = (): void => {
    this.stopped = true;
    clearTimeout(this.nextSend);
    this.nextSend = undefined;
    this.finishIfDone();
  };

  private finishIfDone(): void {
    if (this.finished || !this.stopped || this.tracker.outstanding > 0) return;
    this.finished = true;
    for (const timer of this.timeouts.values()) clearTimeout(timer);
    this.timeouts.clear();
    this.finish({
      target: this.target,
      size: this.options.size,
      counts: this.tracker.counts(),
      rtt: this.tracker.rttSummary(),
      sendErrors: this.sendErrors,
      elapsedMs: this.startedAt === 0 ? 0 : performance.now() - this.startedAt,
    });
  }

  private emit(event: PingEvent): void {
    this.options.onEvent?.(event);
  }
}
