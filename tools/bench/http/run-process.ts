// Runs a short-lived tool (wrk, autocannon) to completion with a hard deadline and returns
// its output; a tool that overruns is killed, so no load loop can run unbounded.

import { spawn } from 'node:child_process';
import { BenchError } from './errors';

export interface ProcessOutput {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function runProcess(command: string, args: string[], timeoutMs: number): Promise<ProcessOutput> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(new BenchError('BENCH_LOAD_FAILED', `${command}: ${error.message}`));
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      if (signal === 'SIGKILL') reject(new BenchError('BENCH_LOAD_FAILED', `${command} overran ${timeoutMs} ms and was killed`));
      else resolve({ code, stdout, stderr });
    });
  });
}
