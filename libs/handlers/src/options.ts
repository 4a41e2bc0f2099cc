// The handlers' one typed configuration, its frozen defaults, and the checks that turn what
// the CLI (or a test) passes into the normalised form the router relies on.
import { HandlerError } from './errors';
import type { HttpRequest } from './types';

export interface HandlerOptions {
  /** Folder served; must exist (it is resolved with realpath once, at createRouter). */
  readonly root: string;
  /** Where uploads go (the caller defaults it to <root>/uploads); created on the first upload. */
  readonly uploadsDir: string;
  /** Extensions served, lower-case without the dot (case and a leading dot are forgiven). */
  readonly allowedExtensions: readonly string[];
  /** Accepted host[:port] forms, compared case-insensitively (see allowedHostsFor). */
  readonly allowedHosts: ReadonlySet<string>;
  /** Files up to this many bytes are answered from memory; larger ones are streamed. */
  readonly cacheMaxFileBytes: number;
  /** Bytes of bodies and heads the in-memory file cache may hold (per router, so per worker). */
  readonly cacheBudgetBytes: number;
  /**
   * Told about every refused or failed request with its typed error; 5xx ones carry the
   * original exception as `cause`. The caller decides what to log (SPEC: rejected hosts and
   * 5xx go to stderr). It must not throw.
   */
  readonly onError?: (error: HandlerError, request: HttpRequest) => void;
}

export const DEFAULT_ALLOWED_EXTENSIONS: readonly string[] = Object.freeze(['html', 'txt', 'png', 'jpg', 'jpeg']);

export const DEFAULT_HANDLER_OPTIONS = Object.freeze({
  allowedExtensions: DEFAULT_ALLOWED_EXTENSIONS,
  cacheMaxFileBytes: 64 * 1024,
  cacheBudgetBytes: 32 * 1024 * 1024,
});

/** What the router keeps: lower-cased sets, checked numbers. */
export interface NormalisedOptions {
  readonly root: string;
  readonly uploadsDir: string;
  readonly allowedExtensions: ReadonlySet<string>;
  readonly allowedHosts: ReadonlySet<string>;
  readonly cacheMaxFileBytes: number;
  readonly cacheBudgetBytes: number;
  readonly onError: ((error: HandlerError, request: HttpRequest) => void) | undefined;
}

function byteCount(name: string, value: number): number {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new HandlerError('HND_INVALID_OPTIONS', { detail: `${name} must be a non-negative integer, got ${value}` });
  }
  return value;
}

/** Checks and normalises options; throws HND_INVALID_OPTIONS on nonsense. */
export function normaliseOptions(options: HandlerOptions): NormalisedOptions {
  if (options.root === '') throw new HandlerError('HND_INVALID_OPTIONS', { detail: 'root is empty' });
  if (options.uploadsDir === '') throw new HandlerError('HND_INVALID_OPTIONS', { detail: 'uploadsDir is empty' });
  const extensions = new Set<string>();
  for (const ext of options.allowedExtensions) {
    const clean = ext.trim().replace(/^\./, '').toLowerCase();
    if (clean === '' || clean.includes('/') || clean.includes('.')) {
      throw new HandlerError('HND_INVALID_OPTIONS', { detail: `bad extension ${JSON.stringify(ext)}` });
    }
    extensions.add(clean);
  }
  const hosts = new Set<string>();
  for (const host of options.allowedHosts) hosts.add(host.toLowerCase());
  return {
    root: options.root,
    uploadsDir: options.uploadsDir,
    allowedExtensions: extensions,
    allowedHosts: hosts,
    cacheMaxFileBytes: byteCount('cacheMaxFileBytes', options.cacheMaxFileBytes),
    cacheBudgetBytes: byteCount('cacheBudgetBytes', options.cacheBudgetBytes),
    onError: options.onError,
  };
}
