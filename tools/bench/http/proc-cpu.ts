// CPU time a server process has used, as the kernel counts it: utime + stime from
// /proc/<pid>/stat, read at the start and end of a measured window.

import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

/** USER_HZ on every Linux we run on; `getconf CLK_TCK` confirms it once per run. */
const DEFAULT_TICKS_PER_SECOND = 100;

// Fields 14 (utime) and 15 (stime), counted from 1; field 3 (state) is the first after the ')'.
const UTIME_AFTER_COMM = 14 - 3;
const STIME_AFTER_COMM = 15 - 3;

/**
 * utime + stime in clock ticks from one /proc/<pid>/stat line, or undefined when the line does
 * not have them. The process-level file sums every thread, those that already exited included,
 * so http-server's main thread and its worker count together.
 */
export function parseStatTicks(line: string): number | undefined {
  // The command name (field 2) is in parentheses and may itself hold spaces or ')': the fields
  // we want start after the last ')'.
  const close = line.lastIndexOf(')');
  if (close < 0) return undefined;
  const fields = line.slice(close + 1).trim().split(/\s+/);
  const utime = Number(fields[UTIME_AFTER_COMM]);
  const stime = Number(fields[STIME_AFTER_COMM]);
  if (!Number.isSafeInteger(utime) || !Number.isSafeInteger(stime) || utime < 0 || stime < 0) return undefined;
  return utime + stime;
}

/** utime + stime of `pid` in clock ticks, or undefined when it is gone (or this is not Linux). */
export function readCpuTicks(pid: number): number | undefined {
  try {
    return parseStatTicks(readFileSync(`/proc/${pid}/stat`, 'latin1'));
  } catch {
    return undefined;
  }
}

let ticksPerSecond: number | undefined;

/** Clock ticks per second (`getconf CLK_TCK`), asked once. */
export function clockTicksPerSecond(): number {
  if (ticksPerSecond === undefined) {
    const out = spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8', timeout: 5000 });
    const value = Number(out.stdout?.trim());
    ticksPerSecond = out.status === 0 && Number.isInteger(value) && value > 0 ? value : DEFAULT_TICKS_PER_SECOND;
  }
  return ticksPerSecond;
}

export interface CpuWindow {
  /** Server CPU seconds (user + system) spent between start and stop. */
  readonly cpuSeconds: number;
  readonly wallSeconds: number;
}

export interface CpuWindowProbe {
  /** The window so far; undefined when /proc could not be read at either end. */
  stop(): CpuWindow | undefined;
}

/** Starts a window over `pid`'s CPU time: one read now, one at stop(). */
export function startCpuWindow(pid: number): CpuWindowProbe {
  const hz = clockTicksPerSecond();
  const startTicks = readCpuTicks(pid);
  const startMs = performance.now();
  return {
    stop(): CpuWindow | undefined {
      const endTicks = readCpuTicks(pid);
      const wallSeconds = (performance.now() - startMs) / 1000;
      if (startTicks === undefined || endTicks === undefined) return undefined;
      return { cpuSeconds: (endTicks - startTicks) / hz, wallSeconds };
    },
  };
}
