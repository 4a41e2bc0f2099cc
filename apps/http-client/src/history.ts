// The request history: bounded, kept in ~/.http-client-history.json (or $HTTP_CLIENT_HISTORY),
// written atomically, and never holding a credential in clear: secret header values are
// replaced before anything touches the disk. In memory, this session's entries keep them so a
// repeat still authenticates; entries loaded from disk ask for them again.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { CLIENT_DEFAULTS, isMethod } from './config';
import { ClientError } from './errors';
import type { HeaderPair } from './header-line';
import { headerLineProblem } from './header-line';
import type { BodySource, RequestSpec } from './request-spec';
import { sameSpec } from './request-spec';

export const REDACTED = '<redacted>';

/** Headers whose values are credentials. */
const SECRET_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie']);

export interface HistoryEntry extends RequestSpec {
  /** ISO time of the last send. */
  readonly at: string;
}

export function historyPath(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env['HTTP_CLIENT_HISTORY'];
  return fromEnv !== undefined && fromEnv !== '' ? fromEnv : join(homedir(), CLIENT_DEFAULTS.historyFileName);
}

export function isSecretHeader(name: string): boolean {
  return SECRET_HEADERS.has(name.toLowerCase());
}

/** `Bearer abc` -> `Bearer <redacted>`; the scheme stays so the entry still says what it was. */
export function redactValue(value: string): string {
  const space = value.indexOf(' ');
  return space > 0 ? `${value.slice(0, space)} ${REDACTED}` : REDACTED;
}

export function isRedacted(value: string): boolean {
  return value === REDACTED || value.endsWith(` ${REDACTED}`);
}

export function redactHeaders(headers: readonly HeaderPair[]): HeaderPair[] {
  return headers.map(([name, value]) => [name, isSecretHeader(name) ? redactValue(value) : value]);
}

export class History {
  private readonly entries: HistoryEntry[];

  private constructor(
    readonly path: string,
    readonly limit: number,
    entries: HistoryEntry[],
  ) {
    this.entries = entries.slice(-limit);
  }

  /** Reads the file; a missing or unreadable one starts an empty history rather than failing. */
  static load(path: string = historyPath(), limit: number = CLIENT_DEFAULTS.historyLimit): History {
    let entries: HistoryEntry[] = [];
    try {
      entries = parseHistoryFile(readFileSync(path, 'utf8'));
    } catch {
      // Missing (first run) or damaged: the next save writes a fresh, valid file.
    }
    return new History(path, limit, entries);
  }

  list(): readonly HistoryEntry[] {
    return this.entries;
  }

  /** 1-based, as `.history` numbers them. */
  get(number: number): HistoryEntry | undefined {
    return Number.isInteger(number) && number >= 1 ? this.entries[number - 1] : undefined;
  }

  /** Records a sent request (a repeat of the last one only refreshes its time) and saves. */
  add(spec: RequestSpec, now: Date = new Date()): void {
    const entry: HistoryEntry = { method: spec.method, url: spec.url, headers: spec.headers, ...(spec.body ? { body: spec.body } : {}), at: now.toISOString() };
    const last = this.entries[this.entries.length - 1];
    if (last !== undefined && sameSpec(last, spec)) this.entries[this.entries.length - 1] = entry;
    else this.entries.push(entry);
    if (this.entries.length > this.limit) this.entries.splice(0, this.entries.length - this.limit);
    this.save();
  }

  /** Writes to a temporary file and renames it, so a crash never leaves half a history. */
  save(): void {
    const persisted = this.entries.filter(keepsOnDisk).map(forDisk);
    const text = `${JSON.stringify({ version: 1, entries: persisted }, null, 1)}\n`;
    const temporary = `${this.path}.${process.pid}.tmp`;
    try {
      mkdirSync(dirname(this.path), { recursive: true });
      writeFileSync(temporary, text, { mode: 0o600 });
      renameSync(temporary, this.path);
    } catch (error) {
      throw new ClientError('CLIENT_HISTORY_FAILED', `cannot write history ${this.path}: ${(error as Error).message}`, { cause: error });
    }
  }
}

/** Huge inline bodies stay in this session's memory only; the file stays small. */
function keepsOnDisk(entry: HistoryEntry): boolean {
  const body = entry.body;
  return body === undefined || body.kind === 'file' || body.text.length <= CLIENT_DEFAULTS.historyBodyLimit;
}

function forDisk(entry: HistoryEntry): HistoryEntry {
  return { ...entry, headers: redactHeaders(entry.headers) };
}

/** Keeps only well-formed entries; anything else in the file is dropped, not trusted. */
export function parseHistoryFile(text: string): HistoryEntry[] {
  const data: unknown = JSON.parse(text);
  if (typeof data !== 'object' || data === null) return [];
  const list = (data as { entries?: unknown }).entries;
  if (!Array.isArray(list)) return [];
  const entries: HistoryEntry[] = [];
  for (const item of list) {
    const entry = toEntry(item);
    if (entry !== undefined) entries.push(entry);
  }
  return entries;
}

function toEntry(item: unknown): HistoryEntry | undefined {
  if (typeof item !== 'object' || item === null) return undefined;
  const { method, url, headers, body, at } = item as Record<string, unknown>;
  if (typeof method !== 'string' || !isMethod(method) || typeof url !== 'string' || typeof at !== 'string') return undefined;
  if (!Array.isArray(headers)) return undefined;
  const pairs: HeaderPair[] = [];
  for (const pair of headers) {
    if (!Array.isArray(pair) || typeof pair[0] !== 'string' || typeof pair[1] !== 'string') return undefined;
    if (headerLineProblem(`${pair[0]}: ${pair[1]}`) !== null) return undefined;
    pairs.push([pair[0], pair[1]]);
  }
  const source = toBody(body);
  if (source === null) return undefined;
  return { method, url, headers: pairs, ...(source ? { body: source } : {}), at };
}

/** undefined: no body; null: a malformed one. */
function toBody(body: unknown): BodySource | undefined | null {
  if (body === undefined) return undefined;
  if (typeof body !== 'object' || body === null) return null;
  const { kind, text, path } = body as Record<string, unknown>;
  if ((kind === 'json' || kind === 'data') && typeof text === 'string') return { kind, text };
  if (kind === 'file' && typeof path === 'string') return { kind, path };
  return null;
}
