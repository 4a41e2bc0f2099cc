// How a fuzz run is chosen from the environment: FUZZ_SEED, FUZZ_RUNS, FUZZ_PATH (replay of
// a shrunk case) and FUZZ_SERVER (simple-server, http-server or both), with fixed defaults.
import type { AppName } from '../harness/implementations';

export const DEFAULT_SEED = 20261127;
export const DEFAULT_RUNS = 300;

export interface FuzzSettings {
  readonly seed: number;
  readonly runs: number;
  /** fast-check's counterexample path, to replay one case (with its seed). */
  readonly path: string | undefined;
  readonly servers: readonly AppName[];
  /** Time for the whole property, shrinking included, after which fast-check stops. */
  readonly budgetMs: number;
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number): number {
  const text = env[name];
  if (text === undefined || text.trim() === '') return fallback;
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < min) throw new Error(`${name} must be an integer >= ${min} (got "${text}")`);
  return value;
}

export function fuzzSettings(env: NodeJS.ProcessEnv = process.env): FuzzSettings {
  const server = env['FUZZ_SERVER']?.trim() ?? '';
  if (server !== '' && server !== 'simple-server' && server !== 'http-server') {
    throw new Error(`FUZZ_SERVER must be simple-server or http-server (got "${server}")`);
  }
  const runs = integer(env, 'FUZZ_RUNS', DEFAULT_RUNS, 1);
  const path = env['FUZZ_PATH']?.trim();
  return {
    seed: integer(env, 'FUZZ_SEED', DEFAULT_SEED, -(2 ** 31)),
    runs,
    path: path === '' ? undefined : path,
    servers: server === '' ? ['simple-server', 'http-server'] : [server],
    // Cases take a few ms; the rest is room for a loaded machine and for shrinking.
    budgetMs: 30_000 + runs * 100,
  };
}
