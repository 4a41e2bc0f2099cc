// Round-trip statistics as ping(8) prints them (min/avg/max/mdev), plus RFC 3550 interarrival
// jitter. Pure arithmetic on milliseconds, updated one sample at a time in O(1).

export interface RttSummary {
  readonly count: number;
  readonly minMs: number;
  readonly avgMs: number;
  readonly maxMs: number;
  /** Population standard deviation, ping's "mdev": sqrt(mean(rtt²) - mean(rtt)²). */
  readonly mdevMs: number;
  /** Smoothed mean deviation of consecutive RTTs, J += (|D| - J) / 16 (RFC 3550 section 6.4.1). */
  readonly jitterMs: number;
}

export class RttStats {
  private count = 0;
  private min = Number.POSITIVE_INFINITY;
  private max = Number.NEGATIVE_INFINITY;
  // Welford's running mean and sum of squared deviations: no cancellation with many samples.
  private mean = 0;
  private m2 = 0;
  private jitter = 0;
  private previous: number | undefined;

  add(rttMs: number): void {
    this.count++;
    if (rttMs < this.min) this.min = rttMs;
    if (rttMs > this.max) this.max = rttMs;
    const delta = rttMs - this.mean;
    this.mean += delta / this.count;
    this.m2 += delta * (rttMs - this.mean);
    // With round trips the send-time terms of RFC 3550's D(i-1, i) are folded into each RTT, so
    // D is the difference of consecutive RTTs in arrival order.
    if (this.previous !== undefined) {
      this.jitter += (Math.abs(rttMs - this.previous) - this.jitter) / 16;
    }
    this.previous = rttMs;
  }

  /** undefined until the first sample: there is no meaningful min of nothing. */
  summary(): RttSummary | undefined {
    if (this.count === 0) return undefined;
    return Object.freeze({
      count: this.count,
      minMs: this.min,
      avgMs: this.mean,
      maxMs: this.max,
      mdevMs: Math.sqrt(this.m2 / this.count),
      jitterMs: this.jitter,
    });
  }
}
