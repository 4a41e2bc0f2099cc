// JSON error bodies for the upload API: {"status":"error","code":<status>,"message":"..."}.
import { assertStatus } from './status-reasons';

/** The body as UTF-8 bytes; send it with `Content-Type: application/json`. */
export function jsonError(status: number, message: string): Buffer {
  assertStatus(status);
  return Buffer.from(JSON.stringify({ status: 'error', code: status, message }), 'utf8');
}
