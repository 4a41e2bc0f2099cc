// Test helpers: real request bytes through the real parser into an HttpRequest, results read
// back as status + headers, and a throwaway served folder with files and symlinks.
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collect } from '@mths/http-parser';
import type { Handler, HttpRequest, HttpResult } from '../types';

/** Parses one complete request (latin1 string or bytes) into what the connection would pass. */
export function parseRequest(raw: string | Buffer, remoteAddress = '127.0.0.1'): HttpRequest {
  const { messages, error } = collect('request', raw);
  if (error !== null) throw error;
  const message = messages[0];
  if (message === undefined || !message.complete) throw new Error('incomplete request in test');
  return { head: message.head, body: message.body, remoteAddress };
}

export interface RequestSpec {
  method?: string;
  /** Host header value; null for none. Default `127.0.0.1:8080`. */
  host?: string | null;
  version?: string;
  headers?: ReadonlyArray<readonly [string, string]>;
  body?: string | Buffer;
}

export const TEST_HOST = '127.0.0.1:8080';

/** Builds and parses `METHOD target HTTP/x.y` with Host, headers and a Content-Length body. */
export function request(target: string, spec: RequestSpec = {}): HttpRequest {
  const lines = [`${spec.method ?? 'GET'} ${target} ${spec.version ?? 'HTTP/1.1'}`];
  const host = spec.host === undefined ? TEST_HOST : spec.host;
  if (host !== null) lines.push(`Host: ${host}`);
  for (const [name, value] of spec.headers ?? []) lines.push(`${name}: ${value}`);
  const body = spec.body === undefined ? Buffer.alloc(0) : Buffer.isBuffer(spec.body) ? spec.body : Buffer.from(spec.body, 'utf8');
  if (spec.body !== undefined) lines.push(`Content-Length: ${body.length}`);
  return parseRequest(Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1'), body]));
}

export interface ReadResult {
  result: HttpResult;
  status: number;
  /** Lower-case names; the last value of each. */
  headers: Map<string, string>;
  body: Buffer | null;
}

/** Runs the handler (awaiting a promise) and splits the fixed head into status and headers. */
export async function answer(handler: Handler, req: HttpRequest): Promise<ReadResult> {
  const result = await handler(req);
  const lines = result.fixedHead.toString('latin1').split('\r\n').filter((line) => line !== '');
  const statusLine = lines.shift() ?? '';
  const headers = new Map<string, string>();
  for (const line of lines) {
    const colon = line.indexOf(':');
    headers.set(line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim());
  }
  const status = Number(statusLine.split(' ')[1]);
  return { result, status, headers, body: result.kind === 'buffer' ? result.body : null };
}

export interface ServedFolder {
  /** The parent temp folder (holds `root/`, `outside/` and `uploads/`). */
  base: string;
  root: string;
  outside: string;
  uploads: string;
  cleanup(): Promise<void>;
}

export const PNG_BYTES = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
export const JPEG_BYTES = Buffer.from('ffd8ffe000104a464946000101', 'hex');

/** A served root with pages, text, images, folders and symlinks in and out of it. */
export async function makeServedFolder(): Promise<ServedFolder> {
  const base = await mkdtemp(join(tmpdir(), 'mths-handlers-'));
  const root = join(base, 'root');
  const outside = join(base, 'outside');
  const uploads = join(base, 'uploads');
  await mkdir(join(root, 'sub'), { recursive: true });
  await mkdir(join(root, 'empty-dir'));
  await mkdir(join(root, 'docs'));
  await mkdir(outside);
  await writeFile(join(root, 'index.html'), '<!DOCTYPE html><title>home</title>');
  await writeFile(join(root, 'about.html'), '<p>about</p>');
  await writeFile(join(root, 'hello.txt'), 'Hello from the root\n');
  await writeFile(join(root, 'logo.png'), PNG_BYTES);
  await writeFile(join(root, 'photo.jpg'), JPEG_BYTES);
  await writeFile(join(root, 'PHOTO.JPEG'), JPEG_BYTES);
  await writeFile(join(root, 'secret.key'), 'not for the web');
  await writeFile(join(root, 'README'), 'no extension');
  await writeFile(join(root, '100%.txt'), 'percent');
  await writeFile(join(root, 'café.txt'), 'unicode name');
  await writeFile(join(root, 'sub', 'index.html'), '<p>sub</p>');
  await writeFile(join(root, 'sub', 'page.html'), '<p>page</p>');
  await writeFile(join(root, 'docs', 'notes.txt'), 'notes');
  await writeFile(join(outside, 'secret.txt'), 'outside the root');
  await writeFile(join(outside, 'index.html'), 'outside index');
  await symlink(join(outside, 'secret.txt'), join(root, 'escape.txt'));
  await symlink('../outside', join(root, 'escape-dir'));
  await symlink('hello.txt', join(root, 'inside-link.txt'));
  await symlink('secret.key', join(root, 'key.html'));
  return { base, root, outside, uploads, cleanup: () => rm(base, { recursive: true, force: true }) };
}
