// Per-phase timing of one exchange (DNS, connect, TLS, time to first byte, download) and how it
// is printed. Marks are taken with performance.now(), which never goes backwards.
import { performance } from 'node:perf_hooks';

export interface Timing {
  /** Name resolution, null for IP literals and reused connections. */
  readonly dnsMs: number | null;
  /** TCP handshake, null when the connection was reused. */
  readonly connectMs: number | null;
  /** TLS handshake, null for http:// and reused connections. */
  readonly tlsMs: number | null;
  /** From the request being written to the first byte of the response. */
  readonly ttfbMs: number;
  /** From the first byte to the end of the response. */
  readonly downloadMs: number;
  readonly totalMs: number;
  /** Bytes written (head + body) and read (everything the server sent for this response). */
  readonly bytesSent: number;
  readonly bytesReceived: number;
}

/** Collects the marks of one exchange; phases not reached stay NaN until `finish`. */
export class PhaseClock {
  readonly start = performance.now();
  /** Start of the connection in use: `start`, or the moment a retry began. */
  connStart = this.start;
  lookedUp = NaN;
  connected = NaN;
  secured = NaN;
  sent = NaN;
  firstByte = NaN;
  done = NaN;
  bytesSent = 0;
  bytesReceived = 0;

  now(): number {
    return performance.now();
  }

  /** Forget connection phases: a retry on a fresh connection starts its own. */
  resetConnection(): void {
    this.connStart = performance.now();
    this.lookedUp = NaN;
    this.connected = NaN;
    this.secured = NaN;
    this.sent = NaN;
    this.firstByte = NaN;
    this.bytesSent = 0;
    this.bytesReceived = 0;
  }

  finish(): Timing {
    const done = Number.isNaN(this.done) ? performance.now() : this.done;
    const sent = Number.isNaN(this.sent) ? this.start : this.sent;
    const first = Number.isNaN(this.firstByte) ? done : this.firstByte;
    const connectFrom = Number.isNaN(this.lookedUp) ? this.connStart : this.lookedUp;
    return {
      dnsMs: Number.isNaN(this.lookedUp) ? null : this.lookedUp - this.connStart,
      connectMs: Number.isNaN(this.connected) ? null : this.connected - connectFrom,
      tlsMs: Number.isNaN(this.secured) || Number.isNaN(this.connected) ? null : this.secured - this.connected,
      ttfbMs: Math.max(0, first - sent),
      downloadMs: Math.max(0, done - first),
      totalMs: done - this.start,
      bytesSent: this.bytesSent,
      bytesReceived: this.bytesReceived,
    };
  }
}

export function formatMs(ms: number): string {
  if (ms < 10) return `${ms.toFixed(2)} ms`;
  if (ms < 1000) return `${ms.toFixed(1)} ms`;
  return `${(ms / 1000).toFixed(2)} s`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}

/** `dns 1.2 ms · connect 0.31 ms · ttfb 2.10 ms · download 0.05 ms · total 3.0 ms · 512 B received`. */
export function formatTiming(timing: Timing): string {
  const parts: string[] = [];
  if (timing.dnsMs !== null) parts.push(`dns ${formatMs(timing.dnsMs)}`);
  if (timing.connectMs !== null) parts.push(`connect ${formatMs(timing.connectMs)}`);
  if (timing.tlsMs !== null) parts.push(`tls ${formatMs(timing.tlsMs)}`);
  parts.push(`ttfb ${formatMs(timing.ttfbMs)}`);
  parts.push(`download ${formatMs(timing.downloadMs)}`);
  parts.push(`total ${formatMs(timing.totalMs)}`);
  parts.push(`${formatBytes(timing.bytesSent)} sent`);
  parts.push(`${formatBytes(timing.bytesReceived)} received`);
  return parts.join(' · ');
}
