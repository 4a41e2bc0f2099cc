// Simulated network trouble for the echo server: drop a fraction of datagrams and delay the
// rest by a mean plus uniform jitter, all drawn from one seeded Prng so a run can be repeated.

import { Prng } from './prng';
import { UdpEchoError } from './errors';

export interface ImpairmentOptions {
  /** Probability in [0, 1] that a datagram is dropped instead of echoed. */
  readonly dropRate: number;
  /** Mean delay before echoing, in ms. */
  readonly delayMs: number;
  /** Uniform spread around delayMs, in ms; delays below 0 are clamped to 0. */
  readonly jitterMs: number;
  readonly seed: number;
}

/** Returned by decide() for a datagram that must be dropped. */
export const DROP = -1;

export class Impairment {
  private readonly prng: Prng;

  constructor(private readonly options: ImpairmentOptions) {
    const { dropRate, delayMs, jitterMs } = options;
    if (!(dropRate >= 0 && dropRate <= 1)) {
      throw new UdpEchoError('UDP_ECHO_BAD_ARGUMENT', `drop rate must be from 0 to 1, got ${dropRate}`);
    }
    if (!(delayMs >= 0) || !(jitterMs >= 0)) {
      throw new UdpEchoError('UDP_ECHO_BAD_ARGUMENT', `delay and jitter must be >= 0, got ${delayMs}±${jitterMs}`);
    }
    this.prng = new Prng(options.seed);
  }

  /** True when decide() can only ever answer 0, so the server can skip it. */
  get isNone(): boolean {
    return this.options.dropRate === 0 && this.options.delayMs === 0 && this.options.jitterMs === 0;
  }

  /** DROP, or the whole milliseconds to wait before echoing (0 = echo now). */
  decide(): number {
    const { dropRate, delayMs, jitterMs } = this.options;
    // Draw only for the knobs that are set: the sequence of decisions then depends on the seed
    // and the flags given, and nothing else.
    if (dropRate > 0 && this.prng.next() < dropRate) return DROP;
    if (jitterMs === 0) return Math.round(delayMs);
    const offset = (this.prng.next() * 2 - 1) * jitterMs;
    return Math.max(0, Math.round(delayMs + offset));
  }
}
