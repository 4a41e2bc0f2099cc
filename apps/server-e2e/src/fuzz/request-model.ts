// The fuzz case as data: well-formed requests described field by field, the byte mutations laid
// over them and where the bytes are split into writes. Rendering needs the server's port (Host).
import { splitAt } from '@mths/http-parser';
import { applyMutations, type Mutation } from './byte-mutations';

/** How the Host field is written; `{port}` is the server's port (SPEC §3 allow-list). */
export type HostVariant =
  | 'ip'
  | 'localhost'
  | 'LocalHost'
  | 'ip-no-port'
  | 'evil'
  | 'evil-with-port'
  | 'wrong-port'
  | 'empty'
  | 'missing'
  | 'twice'
  | 'ipv6';

/** How the body is framed: the valid ways first, then the ones SPEC §3 answers with 400. */
export type Framing =
  | { readonly kind: 'none' }
  | { readonly kind: 'length' }
  | { readonly kind: 'chunked'; readonly cuts: readonly number[]; readonly extension: boolean; readonly trailer: boolean }
  | { readonly kind: 'wrong-length'; readonly delta: number }
  | { readonly kind: 'two-lengths' }
  | { readonly kind: 'length-and-chunked' }
  | { readonly kind: 'other-coding'; readonly coding: string };

export interface RequestSpec {
  readonly method: string;
  readonly target: string;
  readonly version: string;
  readonly host: HostVariant;
  readonly hostName: 'Host' | 'host' | 'HOST';
  /** Where Host goes among the other fields. */
  readonly hostIndex: number;
  /** Other fields, written as `name: value`. */
  readonly headers: readonly (readonly [string, string])[];
  readonly body: Buffer;
  readonly framing: Framing;
}

export interface FuzzCase {
  readonly kind: 'single' | 'pipeline';
  readonly requests: readonly RequestSpec[];
  readonly mutations: readonly Mutation[];
  /** Split points (taken modulo the length) for separate writes. */
  readonly splits: readonly number[];
}

/** The exact bytes of a case and the writes they are sent in. */
export interface RenderedCase {
  readonly bytes: Buffer;
  readonly writes: readonly Buffer[];
}

function hostLines(spec: RequestSpec, port: number): string[] {
  const value = (): string | null => {
    switch (spec.host) {
      case 'ip': return `127.0.0.1:${port}`;
      case 'localhost': return `localhost:${port}`;
      case 'LocalHost': return `LocalHost:${port}`;
      case 'ip-no-port': return '127.0.0.1';
      case 'evil': return 'evil.example';
      case 'evil-with-port': return `evil.example:${port}`;
      case 'wrong-port': return `127.0.0.1:${port === 1 ? 2 : 1}`;
      case 'empty': return '';
      case 'missing': return null;
      case 'twice': return `127.0.0.1:${port}`;
      case 'ipv6': return `[::1]:${port}`;
    }
  };
  const host = value();
  if (host === null) return [];
  const line = `${spec.hostName}: ${host}`;
  return spec.host === 'twice' ? [line, line] : [line];
}

/** Chunked encoding of `body`, cut at `cuts` (RFC 9112 §7.1), optionally with an extension and a trailer. */
function chunked(body: Buffer, framing: Extract<Framing, { kind: 'chunked' }>): Buffer {
  const parts: Buffer[] = [];
  for (const piece of splitAt(body, framing.cuts)) {
    if (piece.length === 0) continue;
    const ext = framing.extension ? ';name=value' : '';
    parts.push(Buffer.from(`${piece.length.toString(16)}${ext}\r\n`, 'latin1'), piece, Buffer.from('\r\n', 'latin1'));
  }
  parts.push(Buffer.from(framing.trailer ? '0\r\nX-Trailer: done\r\n\r\n' : '0\r\n\r\n', 'latin1'));
  return Buffer.concat(parts);
}

function framingLines(spec: RequestSpec): { lines: string[]; body: Buffer } {
  const { body, framing } = spec;
  switch (framing.kind) {
    case 'none': return { lines: [], body: Buffer.alloc(0) };
    case 'length': return { lines: [`Content-Length: ${body.length}`], body };
    case 'chunked': return { lines: ['Transfer-Encoding: chunked'], body: chunked(body, framing) };
    case 'wrong-length': return { lines: [`Content-Length: ${Math.max(0, body.length + framing.delta)}`], body };
    case 'two-lengths': return { lines: [`Content-Length: ${body.length}`, `Content-Length: ${body.length + 1}`], body };
    case 'length-and-chunked':
      return { lines: [`Content-Length: ${body.length}`, 'Transfer-Encoding: chunked'], body: chunked(body, { kind: 'chunked', cuts: [], extension: false, trailer: false }) };
    case 'other-coding': return { lines: [`Transfer-Encoding: ${framing.coding}`], body };
  }
}

/** One request's bytes, before any mutation. */
export function renderRequest(spec: RequestSpec, port: number): Buffer {
  const fields = spec.headers.map(([name, value]) => `${name}: ${value}`);
  const at = Math.min(spec.hostIndex, fields.length);
  fields.splice(at, 0, ...hostLines(spec, port));
  const framing = framingLines(spec);
  fields.push(...framing.lines);
  const head = `${spec.method} ${spec.target.replaceAll('{port}', String(port))} ${spec.version}\r\n${fields.map((f) => `${f}\r\n`).join('')}\r\n`;
  return Buffer.concat([Buffer.from(head, 'latin1'), framing.body]);
}

/** The case's bytes for a server on `port`: requests joined, mutated, then split into writes. */
export function renderCase(fuzzCase: FuzzCase, port: number): RenderedCase {
  const joined = Buffer.concat(fuzzCase.requests.map((spec) => renderRequest(spec, port)));
  const bytes = applyMutations(joined, fuzzCase.mutations);
  const writes = splitAt(bytes, fuzzCase.splits.map((at) => at % (bytes.length + 1))).filter((piece) => piece.length > 0);
  return { bytes, writes };
}
