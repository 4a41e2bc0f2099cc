// The implementations of the one HTTP contract (SPEC §3) and how to start each built bundle.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export type AppName = 'http-server' | 'simple-server';

export interface Implementation {
  readonly name: string;
  readonly app: AppName;
  /** Worker threads (http-server only). */
  readonly threads?: number;
  /** A script to run instead of the app's bundle (the harness's own self-check). */
  readonly main?: string;
}

export const HTTP_SERVER_1: Implementation = { name: 'http-server, 1 thread', app: 'http-server', threads: 1 };
export const HTTP_SERVER_4: Implementation = { name: 'http-server, 4 threads', app: 'http-server', threads: 4 };
export const SIMPLE_SERVER: Implementation = { name: 'simple-server', app: 'simple-server' };

/** What every contract spec runs against (STYLE.md point 6). */
export const IMPLEMENTATIONS: readonly Implementation[] = [HTTP_SERVER_1, HTTP_SERVER_4, SIMPLE_SERVER];

export const REPO_ROOT = resolve(__dirname, '../../../..');

/** The pinned Node 24 (the system one may be older); jest's own runtime as a fallback. */
export const NODE = existsSync(join(REPO_ROOT, 'node_modules/.bin/node')) ? join(REPO_ROOT, 'node_modules/.bin/node') : process.execPath;

export function bundleOf(app: AppName): string {
  return join(REPO_ROOT, 'dist/apps', app, 'main.js');
}

export function mainOf(impl: Implementation): string {
  return impl.main ?? bundleOf(impl.app);
}

/** Positional arguments: port 0 (any free port), the host, and the thread count for http-server. */
export function positionalArgs(impl: Implementation, host: string): string[] {
  return impl.app === 'http-server' ? ['0', host, String(impl.threads ?? 1)] : ['0', host];
}
