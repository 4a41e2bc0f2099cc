// Runs the client as a real process for the end-to-end tests: either the esbuild bundle of
// main.ts (built once per test file, fast to start) or main.ts through tsx (the dev route).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';

export const REPO_ROOT = resolve(__dirname, '../../../..');
export const MAIN_TS = join(REPO_ROOT, 'apps/http-client/src/main.ts');
export const TSX = join(REPO_ROOT, 'node_modules/.bin/tsx');
/** The pinned Node (the system one may be too old); jest already runs on it. */
export const NODE = process.execPath;

export interface Bundle {
  readonly path: string;
  remove(): void;
}

/** Bundles main.ts as `nx build` does (CJS, node22), into a temporary folder. */
export async function buildBundle(): Promise<Bundle> {
  const dir = mkdtempSync(join(tmpdir(), 'http-client-bundle-'));
  const path = join(dir, 'main.js');
  await build({
    entryPoints: [MAIN_TS],
    outfile: path,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    tsconfig: join(REPO_ROOT, 'apps/http-client/tsconfig.json'),
    logLevel: 'silent',
  });
  return { path, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface CliResult {
  readonly status: number | null;
  readonly stdout: Buffer;
  readonly stderr: string;
}

/** Runs `command args`, killing it if it outlives `timeoutMs`. */
export function run(command: string, args: readonly string[], env: NodeJS.ProcessEnv = {}, timeoutMs = 10_000): Promise<CliResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, {
      cwd: REPO_ROOT,
      env: { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (status) => {
      clearTimeout(timer);
      resolvePromise({ status, stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString('utf8') });
    });
  });
}
