// POST /upload: accepts a JSON document (checked, then stored byte for byte) and answers 201
// with where it went. Refusals are HandlerErrors the router turns into JSON error bodies.
import { HttpResponseBuilder } from '@mths/response-builders';
import { HandlerError } from './errors';
import type { UploadStore } from './upload-store';
import type { BufferResult, HttpRequest } from './types';

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** The media type of a Content-Type value: before any parameters, trimmed, lower-case (RFC 9110 §8.3.1). */
export function mediaType(value: string): string {
  const semicolon = value.indexOf(';');
  return (semicolon === -1 ? value : value.slice(0, semicolon)).trim().toLowerCase();
}

/**
 * The request body if it is a JSON upload: exactly one Content-Type of application/json
 * (parameters allowed, else 415), a non-empty body of valid UTF-8 (RFC 8259 §8.1) and JSON (400).
 */
export function uploadBody(request: HttpRequest): Buffer {
  const headers = request.head.headers;
  let type: string | undefined;
  let count = 0;
  for (let i = 0; i < headers.length; i += 2) {
    if (headers[i] === 'content-type') {
      type = headers[i + 1];
      count++;
    }
  }
  if (count > 1) throw new HandlerError('HND_UPLOAD_DUPLICATE_CONTENT_TYPE');
  if (type === undefined || mediaType(type) !== 'application/json') throw new HandlerError('HND_UPLOAD_MEDIA_TYPE');
  const bytes = request.body;
  if (bytes.length === 0) throw new HandlerError('HND_UPLOAD_EMPTY');
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch (error) {
    throw new HandlerError('HND_UPLOAD_INVALID_UTF8', { cause: error });
  }
  try {
    JSON.parse(text);
  } catch (error) {
    throw new HandlerError('HND_UPLOAD_INVALID_JSON', { cause: error });
  }
  return bytes;
}

/** Stores a checked body and builds the 201 answer pointing at it. */
export async function createUpload(store: UploadStore, bytes: Buffer): Promise<BufferResult> {
  const name = await store.save(bytes);
  const filepath = `/uploads/${name}`;
  const body = Buffer.from(JSON.stringify({ status: 'success', message: 'File created successfully', filepath }), 'utf8');
  return {
    kind: 'buffer',
    status: 201,
    fixedHead: HttpResponseBuilder.fixedHead(201, [
      ['Content-Type', 'application/json'],
      ['Location', filepath],
      ['Content-Length', body.length],
    ]),
    body,
    close: false,
  };
}
