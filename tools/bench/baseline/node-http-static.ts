// The bench's yardstick: a plain, reasonably written node:http static server. Files are read
// once into a Map with their headers ready; POST /upload writes JSON atomically (temp + rename)
// like ours. No tricks and no handicaps: this is what a careful Node developer would write.

import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { rename, unlink, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import * as path from 'node:path';

export interface StaticServerOptions {
  readonly root: string;
  readonly uploads: string;
  readonly keepAliveTimeoutS: number;
  readonly maxBodyBytes: number;
}

interface CachedFile {
  readonly body: Buffer;
  /** Flat [name, value, ...] list for writeHead: built once, reused by every response. */
  readonly headers: readonly string[];
}

const TYPES: Readonly<Record<string, string>> = {
  html: 'text/html; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
};

const SERVER_NAME = 'node-http-baseline';

function cachedFile(file: string, name: string, ext: string, type: string): CachedFile {
  const body = readFileSync(file);
  const headers = ['Server', SERVER_NAME, 'Content-Type', type, 'Content-Length', String(body.length)];
  if (ext !== 'html') headers.push('Content-Disposition', `attachment; filename="${name}"`);
  return { body, headers };
}

/** Every servable file under `root` (the uploads folder excepted), keyed by URL path. */
export function loadFiles(root: string, uploads: string): Map<string, CachedFile> {
  const files = new Map<string, CachedFile>();
  const walk = (dir: string, prefix: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (path.resolve(full) !== path.resolve(uploads)) walk(full, `${prefix}${entry.name}/`);
        continue;
      }
      const ext = path.extname(entry.name).slice(1).toLowerCase();
      const type = TYPES[ext];
      if (!entry.isFile() || type === undefined) continue;
      const file = cachedFile(full, entry.name, ext, type);
      files.set(prefix + entry.name, file);
      if (entry.name === 'index.html') files.set(prefix, file);
    }
  };
  walk(root, '/');
  return files;
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, ['Server', SERVER_NAME, 'Content-Type', 'text/plain; charset=utf-8', 'Content-Length', String(Buffer.byteLength(text))]);
  res.end(text);
}

function sendJson(res: ServerResponse, status: number, value: object, extra: readonly string[] = []): void {
  const text = JSON.stringify(value);
  res.writeHead(status, ['Server', SERVER_NAME, 'Content-Type', 'application/json', 'Content-Length', String(Buffer.byteLength(text)), ...extra]);
  res.end(text);
}

function uploadName(): string {
  // 2026-11-27T20:33:35.123Z -> 20261127T203335123Z
  const iso = new Date().toISOString();
  const stamp = iso.slice(0, 4) + iso.slice(5, 7) + iso.slice(8, 13) + iso.slice(14, 16) + iso.slice(17, 19) + iso.slice(20);
  return `upload_${stamp}_${randomBytes(6).toString('hex')}.json`;
}

async function store(uploads: string, body: Buffer): Promise<string> {
  const name = uploadName();
  const temp = path.join(uploads, `.${name}.tmp`);
  try {
    await writeFile(temp, body);
    await rename(temp, path.join(uploads, name));
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  return name;
}

function isJson(contentType: string | undefined): boolean {
  if (contentType === undefined) return false;
  const semi = contentType.indexOf(';');
  return (semi < 0 ? contentType : contentType.slice(0, semi)).trim().toLowerCase() === 'application/json';
}

function upload(req: IncomingMessage, res: ServerResponse, options: StaticServerOptions): void {
  if (!isJson(req.headers['content-type'])) {
    sendJson(res, 415, { status: 'error', message: 'Content-Type must be application/json' });
    req.resume();
    return;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  let tooLarge = false;
  req.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size <= options.maxBodyBytes) {
      chunks.push(chunk);
      return;
    }
    if (tooLarge) return;
    tooLarge = true;
    chunks.length = 0;
    // Node closes the socket once this response is written, so the rest is never read.
    res.shouldKeepAlive = false;
    sendJson(res, 413, { status: 'error', message: 'Body too large' });
  });
  req.on('end', () => {
    if (tooLarge) return;
    const body = Buffer.concat(chunks, size);
    let valid = size > 0;
    if (valid) {
      try {
        JSON.parse(body.toString('utf8'));
      } catch {
        valid = false;
      }
    }
    if (!valid) {
      sendJson(res, 400, { status: 'error', message: 'Body is not valid JSON' });
      return;
    }
    store(options.uploads, body).then(
      (name) => {
        const filepath = `/uploads/${name}`;
        sendJson(res, 201, { status: 'success', message: 'File created successfully', filepath }, ['Location', filepath]);
      },
      () => sendJson(res, 500, { status: 'error', message: 'Could not store the upload' }),
    );
  });
}

export function createStaticServer(options: StaticServerOptions): Server {
  mkdirSync(options.uploads, { recursive: true });
  const files = loadFiles(options.root, options.uploads);
  const server = createServer({ keepAliveTimeout: options.keepAliveTimeoutS * 1000 }, (req, res) => {
    const url = req.url ?? '/';
    const query = url.indexOf('?');
    let target = query < 0 ? url : url.slice(0, query);
    if (target.includes('%')) {
      try {
        target = decodeURIComponent(target);
      } catch {
        sendText(res, 400, 'Bad Request');
        return;
      }
    }
    const method = req.method;
    if (method === 'GET' || method === 'HEAD') {
      const file = files.get(target);
      if (file === undefined) {
        sendText(res, 404, 'Not Found');
        return;
      }
      res.writeHead(200, file.headers as string[]);
      if (method === 'GET') res.end(file.body);
      else res.end();
      return;
    }
    if (method === 'POST') {
      if (target === '/upload') upload(req, res, options);
      else sendText(res, 404, 'Not Found');
      return;
    }
    res.setHeader('Allow', 'GET, HEAD, POST');
    sendText(res, 405, 'Method Not Allowed');
  });
  return server;
}
