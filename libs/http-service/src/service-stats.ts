// The counters a service keeps, written into a SharedCounters slot so the main thread (or a
// test) can read them without messages. The per-request counters are summed in plain numbers
// and published once per loop turn: an Atomics.add of a BigInt per request and per read was
// three heap numbers and three atomic operations for every request.
import type { SharedCounters } from '@mths/thread-pool';
import type { Flushable, TurnFlush } from './turn-flush';

export const COUNTER_NAMES = ['connections', 'requests', 'bytesIn', 'bytesOut', 'rejected', 'stalledReaders'] as const;
/** Counters describing live state, zeroed when their worker dies. */
export const GAUGE_NAMES = ['connections', 'stalledReaders'] as const;

export class ServiceStats implements Flushable {
  private readonly connectionsCell: number;
  private readonly requestsCell: number;
  private readonly bytesInCell: number;
  private readonly bytesOutCell: number;
  private readonly rejectedCell: number;
  private readonly stalledReadersCell: number;
  private requests = 0;
  private bytesIn = 0;
  private bytesOut = 0;
  private scheduled = false;

  constructor(
    private readonly counters: SharedCounters,
    slot: number,
    private readonly turnFlush: TurnFlush,
  ) {
    this.connectionsCell = counters.cell(slot, 'connections');
    this.requestsCell = counters.cell(slot, 'requests');
    this.bytesInCell = counters.cell(slot, 'bytesIn');
    this.bytesOutCell = counters.cell(slot, 'bytesOut');
    this.rejectedCell = counters.cell(slot, 'rejected');
    this.stalledReadersCell = counters.cell(slot, 'stalledReaders');
  }

  opened(): void {
    this.counters.add(this.connectionsCell, 1);
  }

  closed(): void {
    this.counters.add(this.connectionsCell, -1);
  }

  rejected(): void {
    this.counters.add(this.rejectedCell, 1);
  }

  /** A connection holds its queued answers until its client reads (or stops holding them). */
  readerStalled(stalled: boolean): void {
    this.counters.add(this.stalledReadersCell, stalled ? 1 : -1);
  }

  request(): void {
    this.requests++;
    this.publishAtTurnEnd();
  }

  bytes(read: number, written: number): void {
    this.bytesIn += read;
    this.bytesOut += written;
    this.publishAtTurnEnd();
  }

  /**
   * Adds what this turn counted to the shared cells (also called at drain). At the end of a
   * turn this runs before the held responses are written: a turn counts a request before it
   * holds its answer, so the stats join the turn's flush first.
   */
  flushHeld(): void {
    this.scheduled = false;
    if (this.requests > 0) this.counters.add(this.requestsCell, this.requests);
    if (this.bytesIn > 0) this.counters.add(this.bytesInCell, this.bytesIn);
    if (this.bytesOut > 0) this.counters.add(this.bytesOutCell, this.bytesOut);
    this.requests = 0;
    this.bytesIn = 0;
    this.bytesOut = 0;
  }

  private publishAtTurnEnd(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    this.turnFlush.atTurnEnd(this);
  }
}
