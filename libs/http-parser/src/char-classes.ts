// Byte-class lookup tables (one array read per byte) for the grammar of RFC 9110 §5.6
// and RFC 9112 §3, so the scanners never branch on ranges or use regular expressions.

export const CR = 0x0d;
export const LF = 0x0a;
export const SP = 0x20;
export const HTAB = 0x09;
export const COLON = 0x3a;
export const SEMI = 0x3b;
export const DQUOTE = 0x22;
export const BACKSLASH = 0x5c;
export const EQUALS = 0x3d;

function table(accept: (b: number) => boolean): Uint8Array {
  const t = new Uint8Array(256);
  for (let b = 0; b < 256; b++) t[b] = accept(b) ? 1 : 0;
  return t;
}

const isDigit = (b: number): boolean => b >= 0x30 && b <= 0x39;
const isAlpha = (b: number): boolean => (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a);

/** tchar (RFC 9110 §5.6.2): methods, header names, coding names, chunk-extension names. */
export const TCHAR = table((b) => isDigit(b) || isAlpha(b) || "!#$%&'*+-.^_`|~".includes(String.fromCharCode(b)));

/** Request-target bytes we accept: visible ASCII only (no SP, CTL, DEL or obs-text). */
export const TARGET = table((b) => b > 0x20 && b < 0x7f);

/**
 * Field value bytes (RFC 9110 §5.5): 1 = field-vchar (VCHAR / obs-text), 2 = SP or HTAB
 * (allowed inside, trimmed at the ends), 0 = refused (NUL, other CTLs, DEL, CR, LF).
 */
export const FIELD_VALUE = (() => {
  const t = new Uint8Array(256);
  for (let b = 0x21; b < 256; b++) t[b] = b === 0x7f ? 0 : 1;
  t[SP] = 2;
  t[HTAB] = 2;
  return t;
})();

/** qdtext (RFC 9110 §5.6.4): what a quoted-string may hold besides quoted-pairs. */
export const QDTEXT = table((b) => b === HTAB || b === SP || b === 0x21 || (b >= 0x23 && b <= 0x7e && b !== BACKSLASH) || b >= 0x80);

/** Hex digit value, or -1. */
export const HEX = (() => {
  const t = new Int8Array(256).fill(-1);
  for (let b = 0x30; b <= 0x39; b++) t[b] = b - 0x30;
  for (let b = 0x41; b <= 0x46; b++) t[b] = b - 0x41 + 10;
  for (let b = 0x61; b <= 0x66; b++) t[b] = b - 0x61 + 10;
  return t;
})();

/** ASCII lower-casing of one byte (other bytes unchanged). */
export const LOWER = (() => {
  const t = new Uint8Array(256);
  for (let b = 0; b < 256; b++) t[b] = b >= 0x41 && b <= 0x5a ? b + 0x20 : b;
  return t;
})();
