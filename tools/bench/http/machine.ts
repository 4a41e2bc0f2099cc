// Facts about the machine and tools a result was measured with, for the report's header.

import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as os from 'node:os';
import { clockTicksPerSecond } from './proc-cpu';

export interface MachineFacts {
  readonly cpu: string;
  /** Logical CPUs of the whole machine, not the few this process may be pinned to. */
  readonly cores: number;
  readonly kernel: string;
  /** 1-minute load average: other work on the machine skews the figures. */
  readonly loadAverage: string;
  readonly node: string;
  readonly nginx: string | undefined;
  readonly loadTool: string;
  /** Unit of the CPU times in /proc/<pid>/stat (`getconf CLK_TCK`). */
  readonly clockTicksPerSecond: number;
}

/** The CPU's model name (Linux /proc/cpuinfo, else what os reports). */
export function cpuModel(): string {
  try {
    const line = readFileSync('/proc/cpuinfo', 'latin1').split('\n').find((l) => l.startsWith('model name'));
    if (line !== undefined) return line.slice(line.indexOf(':') + 1).trim();
  } catch {
    // not Linux: fall back to what os reports
  }
  return os.cpus()[0]?.model ?? 'unknown';
}

/** How many CPUs a kernel CPU list names ("0-1", "0,2-5,8"); undefined when it is not one. */
export function countCpuList(text: string): number | undefined {
  let count = 0;
  for (const part of text.trim().split(',')) {
    const ends = part.split('-');
    if (ends.length > 2 || ends.some((end) => !/^\d+$/.test(end))) return undefined;
    const from = Number(ends[0]);
    const to = Number(ends[ends.length - 1]);
    if (to < from) return undefined;
    count += to - from + 1;
  }
  return count;
}

/**
 * Logical CPUs online in the machine. Not os.availableParallelism(): that is this process's
 * affinity, one CPU once the bench pins itself (or when it is started under taskset). The
 * kernel's online list and os.cpus() both see every CPU; the larger wins, in case a container
 * trims one of them.
 */
export function machineCpuCount(): number {
  let online: number | undefined;
  try {
    online = countCpuList(readFileSync('/sys/devices/system/cpu/online', 'latin1'));
  } catch {
    // not Linux: os.cpus() alone
  }
  return Math.max(os.cpus().length, online ?? 0, 1);
}

/** First line a command prints on stdout or stderr (nginx -v and wrk -v use stderr), trimmed. */
function firstLine(command: string, args: string[]): string | undefined {
  const out = spawnSync(command, args, { encoding: 'utf8', timeout: 5000 });
  if (out.error !== undefined) return undefined;
  const text = `${out.stdout ?? ''}\n${out.stderr ?? ''}`.split('\n').find((line) => line.trim() !== '');
  return text?.trim();
}

/** Absolute path of `name` on PATH, or undefined. */
export function which(name: string): string | undefined {
  const out = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8', timeout: 5000 });
  const found = out.stdout?.trim();
  return out.status === 0 && found !== undefined && found !== '' ? found : undefined;
}

export function describeMachine(nodeBin: string, nginxBin: string | undefined, loadTool: 'wrk' | 'autocannon'): MachineFacts {
  const wrk = loadTool === 'wrk' ? firstLine('wrk', ['-v'])?.replace(/\s+Copyright.*$/, '') : undefined;
  return {
    cpu: cpuModel(),
    cores: machineCpuCount(),
    kernel: `${os.type()} ${os.release()}`,
    loadAverage: (os.loadavg()[0] ?? 0).toFixed(2),
    node: firstLine(nodeBin, ['-v']) ?? process.version,
    nginx: nginxBin === undefined ? undefined : firstLine(nginxBin, ['-v'])?.replace(/^nginx version:\s*/, ''),
    loadTool: wrk ?? 'autocannon (wrk not installed)',
    clockTicksPerSecond: clockTicksPerSecond(),
  };
}
