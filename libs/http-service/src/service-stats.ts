// The counters a service keeps, written into a SharedCounters slot so the main thread (or a
// test) can read them without messages.
import type { SharedCounters } from '@mths/thread-pool';

export const COUNTER_NAMES = ['connections', 'requests', 'bytesIn', 'bytesOut', 'rejected', 'stalledReaders'] as const;
/** Counters describing live state, zeroed when their worker dies. */
export const GAUGE_NAMES = ['connections', 'stalledReaders'] as const;

export class ServiceStats {
  private readonly connectionsCell: number;
  private readonly requestsCell: number;
  private readonly bytesInCell: number;
  private readonly bytesOutCell: number;
  private readonly rejectedCell: number;
  private readonly stalledReadersCell: number;

  constructor(
    private readonly counters: SharedCounters,
    slot: number,
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
    this.counters.add(this.requestsCell, 1);
  }

  bytes(read: number, written: number): void {
    if (read > 0) this.counters.add(this.bytesInCell, read);
    if (written > 0) this.counters.add(this.bytesOutCell, written);
  }
}
