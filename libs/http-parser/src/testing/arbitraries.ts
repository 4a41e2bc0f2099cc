// fast-check generators of valid HTTP/1.x messages (requests and responses, pipelined),
// rendered to bytes together with what the parser must report for them. Specs only.

import fc from 'fast-check';
import type { MessageSummary } from './spec-helpers';

export interface Scenario {
  bytes: Buffer;
  expected: MessageSummary[];
  /** Response mode: the methods to pass to expectResponseTo. */
  expect: string[];
  /** The last message is close-delimited: finish() completes it. */
  finish: boolean;
}

interface Field {
  name: string;
  value: string;
  before: string;
  after: string;
}

const TCHARS = "!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
const FRAMING = new Set(['content-length', 'transfer-encoding', 'connection']);

const token = (max: number): fc.Arbitrary<string> =>
  fc.string({ unit: fc.constantFrom(...TCHARS), minLength: 1, maxLength: max });

/** VCHAR, obs-text and inner SP/HTAB, never starting or ending with whitespace. */
const fieldValue = fc
  .array(fc.oneof(fc.integer({ min: 0x21, max: 0x7e }), fc.integer({ min: 0x80, max: 0xff }), fc.constantFrom(0x20, 0x09)), { maxLength: 40 })
  .map((codes) => String.fromCharCode(...codes).replace(/^[ \t]+|[ \t]+$/g, ''));

const ows = fc.constantFrom('', ' ', '\t', '  ', ' \t');

const field: fc.Arbitrary<Field> = fc
  .record({ name: token(16), value: fieldValue, before: ows, after: ows })
  .filter((f) => !FRAMING.has(f.name.toLowerCase()));

const bodyBytes = fc.uint8Array({ minLength: 1, maxLength: 48 }).map((b) => Buffer.from(b));
const chunkExtension = fc.constantFrom('', ';a', ';a=b', ' ; name = "q \\" v" ', ';x=1;y');

type Body =
  | { kind: 'none' }
  | { kind: 'length'; data: Buffer }
  | { kind: 'chunked'; chunks: Buffer[]; extensions: string[]; trailers: Field[] }
  | { kind: 'eof'; data: Buffer };

const lengthBody: fc.Arbitrary<Body> = fc.oneof(bodyBytes, fc.constant(Buffer.alloc(0))).map((data) => ({ kind: 'length', data }));
const chunkedBody: fc.Arbitrary<Body> = fc
  .record({
    chunks: fc.array(bodyBytes, { maxLength: 4 }),
    extensions: fc.array(chunkExtension, { minLength: 5, maxLength: 5 }),
    trailers: fc.array(field, { maxLength: 2 }),
  })
  .map((b) => ({ kind: 'chunked', ...b }));

function renderField(f: Field): string {
  return `${f.name}:${f.before}${f.value}${f.after}\r\n`;
}

function render(startLine: string, fields: Field[], framing: string, connection: string, body: Body): Buffer {
  const head = [`${startLine}\r\n`, ...fields.map(renderField)];
  // Framing fields go at a position that depends on the content, not always last.
  const at = fields.length === 0 ? 0 : startLine.length % (fields.length + 1);
  if (framing !== '') head.splice(1 + at, 0, framing);
  if (connection !== '') head.splice(1, 0, `Connection: ${connection}\r\n`);
  const parts: Buffer[] = [Buffer.from(`${head.join('')}\r\n`, 'latin1')];
  if (body.kind === 'length' || body.kind === 'eof') parts.push(body.data);
  if (body.kind === 'chunked') {
    body.chunks.forEach((chunk, i) => parts.push(Buffer.from(`${chunk.length.toString(16)}${body.extensions[i] ?? ''}\r\n`, 'latin1'), chunk, Buffer.from('\r\n')));
    parts.push(Buffer.from(`0${body.extensions[4] ?? ''}\r\n${body.trailers.map(renderField).join('')}\r\n`, 'latin1'));
  }
  return Buffer.concat(parts);
}

function expectedFields(fields: Field[], framing: string, connection: string, startLine: string): string[] {
  const list = fields.map((f) => [f.name.toLowerCase(), f.value]);
  const at = fields.length === 0 ? 0 : startLine.length % (fields.length + 1);
  if (framing !== '') {
    const colon = framing.indexOf(':');
    list.splice(at, 0, [framing.slice(0, colon).toLowerCase(), framing.slice(colon + 1).trim()]);
  }
  if (connection !== '') list.unshift(['connection', connection]);
  return list.flat();
}

function framingField(body: Body): string {
  if (body.kind === 'length') return `Content-Length: ${body.data.length}\r\n`;
  if (body.kind === 'chunked') return 'Transfer-Encoding: chunked\r\n';
  return '';
}

function bodyText(body: Body): string {
  if (body.kind === 'length' || body.kind === 'eof') return body.data.toString('latin1');
  if (body.kind === 'chunked') return Buffer.concat(body.chunks).toString('latin1');
  return '';
}

function persists(minor: number, connection: string): boolean {
  return connection !== 'close' && (minor === 1 || connection === 'keep-alive');
}

const connection = fc.constantFrom('', '', 'close', 'keep-alive');

const request = fc
  .record({
    method: fc.oneof(fc.constantFrom('GET', 'POST', 'HEAD', 'PUT', 'DELETE'), token(8)),
    target: fc.string({ unit: fc.integer({ min: 0x21, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 30 }).map((t) => `/${t}`),
    minor: fc.constantFrom(0, 1),
    fields: fc.array(field, { maxLength: 6 }),
    connection,
    body: fc.oneof(fc.constant<Body>({ kind: 'none' }), lengthBody, chunkedBody),
  })
  // Chunked requests must be HTTP/1.1 (RFC 9112 §6.1).
  .map((r) => (r.body.kind === 'chunked' ? { ...r, minor: 1 } : r))
  .map((r) => {
    const startLine = `${r.method} ${r.target} HTTP/1.${r.minor}`;
    const framing = framingField(r.body);
    const expected: MessageSummary = {
      start: startLine,
      headers: expectedFields(r.fields, framing, r.connection, startLine),
      body: bodyText(r.body),
      trailers: r.body.kind === 'chunked' ? r.body.trailers.flatMap((f) => [f.name.toLowerCase(), f.value]) : [],
      keepAlive: persists(r.minor, r.connection),
      complete: true,
    };
    return { bytes: render(startLine, r.fields, framing, r.connection, r.body), expected };
  });

/** 1 to 4 pipelined requests. */
export const requestScenario: fc.Arbitrary<Scenario> = fc.array(request, { minLength: 1, maxLength: 4 }).map((list) => ({
  bytes: Buffer.concat(list.map((r) => r.bytes)),
  expected: list.map((r) => r.expected),
  expect: [],
  finish: false,
}));

const response = (last: boolean) =>
  fc
    .record({
      status: fc.oneof(fc.integer({ min: 100, max: 103 }), fc.integer({ min: 200, max: 599 })),
      reason: fieldValue,
      method: fc.constantFrom('GET', 'GET', 'HEAD', 'POST'),
      minor: fc.constantFrom(0, 1),
      fields: fc.array(field, { maxLength: 5 }),
      connection,
      body: fc.oneof(lengthBody, chunkedBody, ...(last ? [bodyBytes.map((data): Body => ({ kind: 'eof', data }))] : [])),
    })
    .map((r) => {
      const bodiless = r.status < 200 || r.status === 204 || r.status === 304 || r.method === 'HEAD';
      const body: Body = bodiless && r.body.kind === 'eof' ? { kind: 'none' } : r.body;
      // RFC 9112 §6.1: TE in HTTP/1.0 is faulty framing: never reused.
      const keepAlive = persists(r.minor, r.connection) && !(body.kind === 'chunked' && r.minor === 0) && (bodiless || body.kind !== 'eof');
      const startLine = `HTTP/1.${r.minor} ${r.status} ${r.reason}`;
      const framing = framingField(body);
      const expected: MessageSummary = {
        start: startLine,
        headers: expectedFields(r.fields, framing, r.connection, startLine),
        body: bodiless ? '' : bodyText(body),
        trailers: !bodiless && body.kind === 'chunked' ? body.trailers.flatMap((f) => [f.name.toLowerCase(), f.value]) : [],
        keepAlive,
        complete: true,
      };
      // A bodiless response carries its framing fields but no body bytes.
      const rendered = render(startLine, r.fields, framing, r.connection, bodiless ? { kind: 'none' } : body);
      return { bytes: rendered, expected, method: r.status < 200 ? null : r.method, eof: body.kind === 'eof' };
    });

/** 1 to 4 pipelined responses (1xx ones included); the last may be close-delimited. */
export const responseScenario: fc.Arbitrary<Scenario> = fc
  .tuple(fc.array(response(false), { maxLength: 3 }), response(true))
  .map(([first, last]) => {
    const list = [...first, last];
    return {
      bytes: Buffer.concat(list.map((r) => r.bytes)),
      expected: list.map((r) => r.expected),
      expect: list.flatMap((r) => (r.method === null ? [] : [r.method])),
      finish: last.eof,
    };
  });

/** Offsets to split a scenario's bytes at (out-of-range ones are ignored by splitAt). */
export const splitOffsets = fc.array(fc.nat({ max: 4000 }), { maxLength: 12 });
