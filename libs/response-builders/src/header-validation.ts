// Checks every name, value and token before it reaches a head: a CR or LF smuggled into a
// field would let a caller inject headers or a whole second response (RFC 9110 §5.5).
import { ResponseBuilderError } from './errors';

// tchar from RFC 9110 §5.6.2, as a lookup table so checks stay a plain character scan.
const TCHAR = new Uint8Array(128);
for (const ch of "!#$%&'*+-.^_`|~") TCHAR[ch.charCodeAt(0)] = 1;
for (let c = 0x30; c <= 0x39; c++) TCHAR[c] = 1;
for (let c = 0x41; c <= 0x5a; c++) TCHAR[c] = 1;
for (let c = 0x61; c <= 0x7a; c++) TCHAR[c] = 1;

/** True when `text` is a non-empty RFC 9110 token (header names, methods, parameter names). */
export function isToken(text: string): boolean {
  if (text.length === 0) return false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128 || TCHAR[c] !== 1) return false;
  }
  return true;
}

/**
 * Index of the first character a field value may not hold, or -1. Allowed: HTAB, SP, VCHAR
 * and obs-text (RFC 9110 §5.5). Characters above U+00FF are refused too: heads are written as
 * latin1, one byte per character, and a wider one would be silently mangled.
 */
export function invalidValueIndex(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09) || c === 0x7f || c > 0xff) return i;
  }
  return -1;
}

export function assertHeaderName(name: string): void {
  if (!isToken(name)) {
    throw new ResponseBuilderError('RB_INVALID_HEADER', `name ${JSON.stringify(name)} is not a token`);
  }
}

export function assertHeaderValue(name: string, value: string): void {
  const at = invalidValueIndex(value);
  if (at !== -1) {
    const code = value.charCodeAt(at).toString(16).padStart(2, '0');
    throw new ResponseBuilderError('RB_INVALID_HEADER', `value of ${name} has character 0x${code} at index ${at}`);
  }
}

/** Turns a caller's string or number into a checked field value. */
export function fieldValue(name: string, value: string | number): string {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) {
      throw new ResponseBuilderError('RB_INVALID_HEADER', `value of ${name} is not a finite number`);
    }
    return String(value);
  }
  assertHeaderValue(name, value);
  return value;
}
