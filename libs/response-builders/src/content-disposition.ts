// Content-Disposition values (RFC 6266): a quoted ASCII `filename` every client reads, plus
// `filename*` (RFC 8187) carrying the exact UTF-8 name when it is not plain ASCII.
import { ResponseBuilderError } from './errors';
import { isToken } from './header-validation';

// attr-char of RFC 8187 §3.2.1; every other byte of the UTF-8 name is percent-encoded.
const ATTR_CHAR = new Uint8Array(128);
for (const ch of "!#$&+-.^_`|~") ATTR_CHAR[ch.charCodeAt(0)] = 1;
for (let c = 0x30; c <= 0x39; c++) ATTR_CHAR[c] = 1;
for (let c = 0x41; c <= 0x5a; c++) ATTR_CHAR[c] = 1;
for (let c = 0x61; c <= 0x7a; c++) ATTR_CHAR[c] = 1;
const HEX = '0123456789ABCDEF';

// C0, DEL and C1 controls have no business in a file name; they become '_' in both forms.
const CONTROLS = /[\u0000-\u001f\u007f-\u009f]/g;
const COMBINING_MARKS = /[\u0300-\u036f]/g;
const NON_PRINTABLE_ASCII = /[^\u0020-\u007e]/gu; // per code point: one _ per character
const HAS_NON_ASCII = /[^\u0020-\u007e]/;

/** ASCII stand-in for clients that ignore filename*: `é` -> `e`, anything else non-ASCII -> `_`. */
function asciiFallback(name: string): string {
  const stripped = name.normalize('NFKD').replace(COMBINING_MARKS, '');
  let out = '';
  for (const ch of stripped.replace(NON_PRINTABLE_ASCII, '_')) {
    out += ch === '"' || ch === '\\' ? `\\${ch}` : ch;
  }
  return out;
}

/** RFC 8187 ext-value: `UTF-8''` then the UTF-8 bytes, attr-chars literal, the rest %XX. */
export function encodeExtValue(text: string): string {
  let out = "UTF-8''";
  for (const byte of Buffer.from(text, 'utf8')) {
    out += byte < 128 && ATTR_CHAR[byte] === 1
      ? String.fromCharCode(byte)
      : `%${HEX[byte >> 4]}${HEX[byte & 15]}`;
  }
  return out;
}

/**
 * `attachment; filename="report e.txt"; filename*=UTF-8''report%20%C3%A9.txt`.
 * Without a filename, just the type.
 */
export function contentDisposition(type = 'attachment', filename?: string): string {
  if (!isToken(type)) throw new ResponseBuilderError('RB_INVALID_DISPOSITION', JSON.stringify(type));
  if (filename === undefined || filename === '') return type;
  const clean = filename.replace(CONTROLS, '_');
  let value = `${type}; filename="${asciiFallback(clean)}"`;
  // A file name made only of printable ASCII is carried exactly by the quoted form.
  if (HAS_NON_ASCII.test(clean)) value += `; filename*=${encodeExtValue(clean)}`;
  return value;
}
