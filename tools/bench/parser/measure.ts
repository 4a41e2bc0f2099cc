// Timing: warm up, then several rounds alternating the parsers; the median round counts.

import type { Scenario } from './fixtures';
import type { Runner } from './runners';

export interface Measurement {
  messagesPerSecond: number;
  megabytesPerSecond: number;
}

/** Iterations per round chosen so that one round takes about `roundMs`. */
function calibrate(runner: Runner, scenario: Scenario, roundMs: number): number {
  let iterations = 64;
  for (let attempt = 0; attempt < 20; attempt++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < iterations; i++) runner.feed(scenario.chunk);
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (ms >= roundMs / 4) return Math.max(1, Math.round((iterations * roundMs) / ms));
    iterations *= 4;
  }
  return iterations;
}

function round(runner: Runner, scenario: Scenario, iterations: number): number {
  const start = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) runner.feed(scenario.chunk);
  return Number(process.hrtime.bigint() - start) / 1e9;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Measures every runner on one scenario; rounds of the runners interleave to share noise. */
export function measure(runners: readonly Runner[], scenario: Scenario, rounds: number, roundMs: number): Measurement[] {
  const iterations = runners.map((runner) => calibrate(runner, scenario, roundMs));
  const seconds: number[][] = runners.map(() => []);
  for (let r = 0; r < rounds; r++) {
    runners.forEach((runner, k) => seconds[k]!.push(round(runner, scenario, iterations[k]!)));
  }
  return runners.map((_, k) => {
    const perIteration = median(seconds[k]!.map((s) => s / iterations[k]!));
    return {
      messagesPerSecond: scenario.messagesPerChunk / perIteration,
      megabytesPerSecond: scenario.chunk.length / perIteration / 1e6,
    };
  });
}
