// Ready-to-send error responses: small HTML pages (JSON bodies for the upload API), built once
// per status and kind and then reused, since they never change.
import { HtmlBuilder, HttpResponseBuilder, defaultErrorSentence, jsonError } from '@mths/response-builders';
import { HANDLER_ERRORS, type HandlerErrorCode } from './errors';
import type { BufferResult } from './types';

// Errors after which the byte stream cannot be trusted or the server wants the socket back.
const CLOSING_STATUSES: ReadonlySet<number> = new Set([400, 408, 413, 414, 431, 503, 505]);

// Upload refusals come after the whole body was read with valid framing: the socket can stay.
const KEEP_OPEN_CODES: ReadonlySet<HandlerErrorCode> = new Set<HandlerErrorCode>([
  'HND_UPLOAD_EMPTY',
  'HND_UPLOAD_INVALID_UTF8',
  'HND_UPLOAD_INVALID_JSON',
]);

export const ALLOW_HEADER: readonly [string, string] = Object.freeze(['Allow', 'GET, HEAD, POST'] as [string, string]);

export interface ErrorResultOptions {
  /** Close the connection after it; defaults to true for 400, 408, 413, 414, 431, 503, 505. */
  readonly close?: boolean;
  /** A JSON body (`jsonError`) instead of an HTML page. */
  readonly json?: boolean;
  /** The sentence (HTML) or message (JSON); defaults to the status's standard sentence. */
  readonly message?: string;
  /** Extra headers (Allow, Retry-After...). */
  readonly headers?: ReadonlyArray<readonly [string, string]>;
  /** For a HEAD request: the same head, no body. */
  readonly head?: boolean;
}

function build(status: number, options: ErrorResultOptions): BufferResult {
  const message = options.message ?? defaultErrorSentence(status);
  const body = options.json === true
    ? jsonError(status, message)
    : Buffer.from(HtmlBuilder.errorPage(status, undefined, message), 'utf8');
  const headers: Array<readonly [string, string | number]> = [
    ['Content-Type', options.json === true ? 'application/json' : 'text/html; charset=utf-8'],
    ['Content-Length', body.length],
  ];
  for (const header of options.headers ?? []) headers.push(header);
  return Object.freeze({
    kind: 'buffer',
    status,
    fixedHead: HttpResponseBuilder.fixedHead(status, headers),
    body: options.head === true ? null : body,
    close: options.close ?? CLOSING_STATUSES.has(status),
  });
}

// Keyed by status and flags only: custom messages or headers are built fresh (callers may vary them).
const byStatus = new Map<string, BufferResult>();

/** An error response for `status`; plain ones (no message or headers) are built once and shared. */
export function errorResult(status: number, options: ErrorResultOptions = {}): BufferResult {
  if (options.message !== undefined || options.headers !== undefined) return build(status, options);
  const close = options.close ?? CLOSING_STATUSES.has(status);
  const key = `${status}|${options.json === true}|${options.head === true}|${close}`;
  let result = byStatus.get(key);
  if (result === undefined) {
    result = build(status, { ...options, close });
    byStatus.set(key, result);
  }
  return result;
}

// One result per catalogue code and kind: [html GET, html HEAD, json GET, json HEAD].
const byCode = new Map<HandlerErrorCode, BufferResult[]>();

/** The response for a catalogue error, its sentence in the page (405 carries Allow). */
export function resultForCode(code: HandlerErrorCode, json: boolean, head: boolean): BufferResult {
  let results = byCode.get(code);
  if (results === undefined) {
    results = [];
    byCode.set(code, results);
  }
  const slot = (json ? 2 : 0) + (head ? 1 : 0);
  let result = results[slot];
  if (result === undefined) {
    const { status, message } = HANDLER_ERRORS[code];
    result = build(status, {
      json,
      head,
      message,
      close: KEEP_OPEN_CODES.has(code) ? false : CLOSING_STATUSES.has(status),
      headers: code === 'HND_METHOD_NOT_ALLOWED' ? [ALLOW_HEADER] : undefined,
    });
    results[slot] = result;
  }
  return result;
}

const unavailable = new Map<number, BufferResult>();

/** 503 with `Retry-After: <seconds>`, closing the connection (the server is shedding load). */
export function serviceUnavailable(retryAfterSeconds: number): BufferResult {
  const seconds = Number.isFinite(retryAfterSeconds) ? Math.max(0, Math.ceil(retryAfterSeconds)) : 0;
  let result = unavailable.get(seconds);
  if (result === undefined) {
    result = build(503, { close: true, headers: [['Retry-After', String(seconds)]] });
    if (unavailable.size < 64) unavailable.set(seconds, result);
  }
  return result;
}
