// Bookkeeping of one run of probes: which sequence numbers are out, answered or given up, and
// what each reply turns out to be (on time, reordered, duplicate, late). Pure: time comes in.

import { RttStats, type RttSummary } from './rtt-stats';

/** What a reply means for the run; "unknown" is a sequence number this run never sent. */
export type ReplyVerdict = 'ok' | 'reordered' | 'duplicate' | 'late' | 'unknown';

export interface ProbeCounts {
  readonly sent: number;
  /** Replies that came in time, each probe counted once. */
  readonly received: number;
  /** Sent but not received in time (late ones included, since they missed their timeout). */
  readonly lost: number;
  /** Still waiting for a reply or a timeout. */
  readonly pending: number;
  readonly duplicates: number;
  /** On-time replies that arrived after a reply to a later probe. */
  readonly reordered: number;
  readonly late: number;
  /** Datagrams from the target that failed the probe checksum or were not probes at all. */
  readonly corrupted: number;
}

const PENDING = 1;
const RECEIVED = 2;
const TIMED_OUT = 3;
const LATE = 4;

export class ProbeTracker {
  // Sequence numbers start at 1; state[seq] holds the probe's state, grown as probes go out.
  private state = new Uint8Array(64);
  private sent = 0;
  private received = 0;
  private pending = 0;
  private duplicates = 0;
  private reordered = 0;
  private late = 0;
  private corrupted = 0;
  private highestReceived = 0;
  readonly rtt = new RttStats();

  /** Registers the next probe and returns its sequence number (1, 2, 3, ...). */
  send(): number {
    const seq = ++this.sent;
    if (seq >= this.state.length) {
      const grown = new Uint8Array(this.state.length * 2);
      grown.set(this.state);
      this.state = grown;
    }
    this.state[seq] = PENDING;
    this.pending++;
    return seq;
  }

  /** The probe's timeout fired; true when it was still waiting (so it is now lost). */
  timeout(seq: number): boolean {
    if (this.state[seq] !== PENDING) return false;
    this.state[seq] = TIMED_OUT;
    this.pending--;
    return true;
  }

  reply(seq: number, rttMs: number): ReplyVerdict {
    if (seq < 1 || seq > this.sent) return 'unknown';
    switch (this.state[seq]) {
      case PENDING: {
        this.state[seq] = RECEIVED;
        this.pending--;
        this.received++;
        this.rtt.add(rttMs);
        if (seq < this.highestReceived) {
          this.reordered++;
          return 'reordered';
        }
        this.highestReceived = seq;
        return 'ok';
      }
      case TIMED_OUT:
        this.state[seq] = LATE;
        this.late++;
        return 'late';
      default:
        // RECEIVED or LATE: this probe has been answered before.
        this.duplicates++;
        return 'duplicate';
    }
  }

  corrupt(): void {
    this.corrupted++;
  }

  get outstanding(): number {
    return this.pending;
  }

  counts(): ProbeCounts {
    return Object.freeze({
      sent: this.sent,
      received: this.received,
      lost: this.sent - this.received - this.pending,
      pending: this.pending,
      duplicates: this.duplicates,
      reordered: this.reordered,
      late: this.late,
      corrupted: this.corrupted,
    });
  }

  rttSummary(): RttSummary | undefined {
    return this.rtt.summary();
  }
}
