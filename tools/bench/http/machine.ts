// Facts about the machine and tools a result was measured with, for the report's header.

import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as os from 'node:os';

export interface MachineFacts {
  readonly cpu: string;
  readonly cores: number;
  readonly kernel: string;
  /** 1-minute load average: other work on the machine skews the figures. */
  readonly loadAverage: string;
  readonly node: string;
  readonly nginx: string | undefined;
  readonly loadTool: string;
}

function cpuModel(): string {
  try {
    const line = readFileSync('/proc/cpuinfo', 'latin1').split('\n').find((l) => l.startsWith('model name'));
    if (line !== undefined) return line.slice(line.indexOf(':') + 1).trim();
  } catch {
    // not Linux: fall back to what os reports
  }
  return os.cpus()[0]?.model ?? 'unknown';
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
    // Not availableParallelism(): the bench pins itself to one CPU, which that would report.
    cores: os.cpus().length,
    kernel: `${os.type()} ${os.release()}`,
    loadAverage: (os.loadavg()[0] ?? 0).toFixed(2),
    node: firstLine(nodeBin, ['-v']) ?? process.version,
    nginx: nginxBin === undefined ? undefined : firstLine(nginxBin, ['-v'])?.replace(/^nginx version:\s*/, ''),
    loadTool: wrk ?? 'autocannon (wrk not installed)',
  };
}
