// Framing checks before a head is written: a message whose length two headers disagree on is
// the raw material of request smuggling (RFC 9112 §6.3), so the builders refuse to emit one.
import { ResponseBuilderError } from './errors';
import type { HeaderList } from './header-list';

function isDigits(text: string): boolean {
  if (text.length === 0) return false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}

/** Throws unless Content-Length / Transfer-Encoding are coherent (and absent where `status` forbids them). */
export function assertFraming(headers: HeaderList, status?: number): void {
  const lengths = headers.count('content-length');
  const encodings = headers.count('transfer-encoding');
  if (lengths > 1) throw new ResponseBuilderError('RB_CONFLICTING_FRAMING', 'Content-Length given twice');
  if (lengths === 1 && encodings > 0) {
    throw new ResponseBuilderError('RB_CONFLICTING_FRAMING', 'Content-Length together with Transfer-Encoding');
  }
  if (lengths === 1 && !isDigits(headers.get('content-length') as string)) {
    throw new ResponseBuilderError('RB_INVALID_CONTENT_LENGTH', JSON.stringify(headers.get('content-length')));
  }
  // RFC 9110 §8.6 and RFC 9112 §6.1: no framing headers on 1xx or 204 responses.
  if (status !== undefined && (status < 200 || status === 204) && lengths + encodings > 0) {
    throw new ResponseBuilderError('RB_CONFLICTING_FRAMING', `status ${status} has no content`);
  }
}
