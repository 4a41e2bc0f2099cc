// Text and JSON for ping runs and REPL stats: one line per event the way ping(8) prints them,
// and the closing summary. Formatting only; colours come from the caller's palette.

import { formatEndpoint, type Palette } from '@mths/udp-echo';
import type { PingEvent, PingResult } from './ping';
import type { ProbeCounts } from './probe-tracker';
import type { RttSummary } from './rtt-stats';

const ms = (value: number): string => value.toFixed(3);

/** 0%, 25%, 33.3%, 100%: one decimal at most, as ping prints loss. */
export function lossPercent(counts: ProbeCounts): number {
  if (counts.sent === 0) return 0;
  return Math.round(((counts.sent - counts.received) * 1000) / counts.sent) / 10;
}

const MARKERS: Record<string, string> = { ok: '', reordered: ' (reordered)', duplicate: ' (DUP!)', late: ' (late)' };

/** The line for one event, or undefined for events that print nothing. */
export function formatPingEvent(event: PingEvent, paint: Palette): string | undefined {
  switch (event.type) {
    case 'start': {
      const { host, address, port } = event.target;
      const name = host === address ? formatEndpoint(address, port) : `${host}:${port} (${address})`;
      return `UDP ECHO ${name}: ${event.size} data bytes`;
    }
    case 'reply': {
      const line = `${event.bytes} bytes from ${event.from}: seq=${event.seq} time=${ms(event.rttMs)} ms`;
      const marker = MARKERS[event.verdict] ?? '';
      return event.verdict === 'ok' ? line : line + paint.yellow(marker);
    }
    case 'timeout':
      return paint.red(`no reply from ${event.from} for seq=${event.seq} within ${event.timeoutMs} ms`);
    case 'corrupt':
      return paint.red(`${event.bytes} bytes from ${event.from}: corrupt reply (${event.defect})`);
    case 'send-error':
      return paint.red(`send failed for seq=${event.seq}: ${event.message}`);
    case 'socket-error':
      return paint.red(`socket error: ${event.message}`);
  }
}

/** `4 sent, 3 received, 25% loss, 0 duplicates, 1 reordered, 0 corrupted, 1 late`. */
export function formatCounts(counts: ProbeCounts): string {
  return (
    `${counts.sent} sent, ${counts.received} received, ${lossPercent(counts)}% loss, ` +
    `${counts.duplicates} duplicates, ${counts.reordered} reordered, ${counts.corrupted} corrupted, ${counts.late} late`
  );
}

/** `rtt min/avg/max/mdev = 0.041/0.052/0.071/0.011 ms, jitter 0.004 ms`. */
export function formatRtt(rtt: RttSummary | undefined): string {
  if (rtt === undefined) return 'rtt: no replies';
  return `rtt min/avg/max/mdev = ${ms(rtt.minMs)}/${ms(rtt.avgMs)}/${ms(rtt.maxMs)}/${ms(rtt.mdevMs)} ms, jitter ${ms(rtt.jitterMs)} ms`;
}

export function formatPingSummary(result: PingResult, paint: Palette): string[] {
  const { counts } = result;
  const countsLine = `${formatCounts(counts)}, time ${Math.round(result.elapsedMs)} ms`;
  const colour = counts.received === counts.sent ? paint.green : counts.received === 0 ? paint.red : paint.yellow;
  const lines = [
    `--- ${formatEndpoint(result.target.address, result.target.port)} udp echo statistics ---`,
    colour(countsLine),
    formatRtt(result.rtt),
  ];
  if (result.sendErrors > 0) lines.push(paint.red(`${result.sendErrors} probes could not be sent`));
  return lines;
}

const round3 = (value: number): number => Math.round(value * 1000) / 1000;

/** The summary as one JSON-ready object; RTTs in milliseconds, null when nothing came back. */
export function pingSummaryJson(result: PingResult): Record<string, unknown> {
  const { counts, rtt, target } = result;
  return {
    host: target.host,
    address: target.address,
    port: target.port,
    size: result.size,
    sent: counts.sent,
    received: counts.received,
    lost: counts.sent - counts.received,
    lossPercent: lossPercent(counts),
    duplicates: counts.duplicates,
    reordered: counts.reordered,
    corrupted: counts.corrupted,
    late: counts.late,
    sendErrors: result.sendErrors,
    timeMs: round3(result.elapsedMs),
    rttMs:
      rtt === undefined
        ? null
        : {
            min: round3(rtt.minMs),
            avg: round3(rtt.avgMs),
            max: round3(rtt.maxMs),
            mdev: round3(rtt.mdevMs),
            jitter: round3(rtt.jitterMs),
          },
  };
}
