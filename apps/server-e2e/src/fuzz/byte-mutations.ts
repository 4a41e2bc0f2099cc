// Byte-level damage to a well-formed request: inserted, deleted, replaced or flipped bytes,
// doubled or lost CR/LF, NUL/CR/LF/obs-fold injected at a line end, and a cut-short tail.
// Positions are plain numbers taken modulo the length, so a mutation fits any port's bytes.
import fc from 'fast-check';

/** What may be injected just before the CRLF of a line (RFC 9112 §2.2, §5.2; RFC 9110 §5.5). */
export type Injection = 'nul' | 'bare-cr' | 'bare-lf' | 'obs-fold' | 'space' | 'tab' | 'del' | 'high-byte' | 'colon';

export type Mutation =
  | { readonly op: 'insert'; readonly at: number; readonly bytes: readonly number[] }
  | { readonly op: 'delete'; readonly at: number; readonly count: number }
  | { readonly op: 'set'; readonly at: number; readonly byte: number }
  | { readonly op: 'flip'; readonly at: number; readonly bit: number }
  | { readonly op: 'duplicate-eol'; readonly nth: number }
  | { readonly op: 'drop-eol'; readonly nth: number; readonly which: 'cr' | 'lf' | 'crlf' }
  | { readonly op: 'inject'; readonly nth: number; readonly what: Injection }
  | { readonly op: 'cut'; readonly at: number };

const CR = 0x0d;
const LF = 0x0a;

const INJECTIONS: Readonly<Record<Injection, Buffer>> = {
  'nul': Buffer.from([0x00]),
  'bare-cr': Buffer.from([CR]),
  'bare-lf': Buffer.from([LF]),
  'obs-fold': Buffer.from('\r\n folded', 'latin1'),
  'space': Buffer.from(' ', 'latin1'),
  'tab': Buffer.from('\t', 'latin1'),
  'del': Buffer.from([0x7f]),
  'high-byte': Buffer.from([0xff]),
  'colon': Buffer.from(':', 'latin1'),
};

/** Bytes that parsers treat specially, tried more often than chance would. */
const INTERESTING = [0x00, 0x09, 0x0a, 0x0d, 0x20, 0x22, 0x25, 0x2c, 0x2e, 0x2f, 0x3a, 0x3b, 0x30, 0x39, 0x5c, 0x7f, 0x80, 0xff];

const byte = fc.oneof(fc.constantFrom(...INTERESTING), fc.integer({ min: 0, max: 255 }));
const position = fc.nat({ max: 1 << 16 });

export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('insert' as const), at: position, bytes: fc.array(byte, { minLength: 1, maxLength: 4 }) }),
  fc.record({ op: fc.constant('delete' as const), at: position, count: fc.integer({ min: 1, max: 8 }) }),
  fc.record({ op: fc.constant('set' as const), at: position, byte }),
  fc.record({ op: fc.constant('flip' as const), at: position, bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ op: fc.constant('duplicate-eol' as const), nth: fc.nat({ max: 64 }) }),
  fc.record({ op: fc.constant('drop-eol' as const), nth: fc.nat({ max: 64 }), which: fc.constantFrom('cr' as const, 'lf' as const, 'crlf' as const) }),
  fc.record({ op: fc.constant('inject' as const), nth: fc.nat({ max: 64 }), what: fc.constantFrom(...(Object.keys(INJECTIONS) as Injection[])) }),
  fc.record({ op: fc.constant('cut' as const), at: position }),
);

/** Offsets of every byte equal to CR or LF. */
function eolBytes(bytes: Buffer): number[] {
  const found: number[] = [];
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === CR || bytes[i] === LF) found.push(i);
  return found;
}

/** Offsets of every CRLF pair. */
function crlfPairs(bytes: Buffer): number[] {
  const found: number[] = [];
  for (let i = 0; i + 1 < bytes.length; i++) if (bytes[i] === CR && bytes[i + 1] === LF) found.push(i);
  return found;
}

function splice(bytes: Buffer, at: number, remove: number, insert: Buffer = Buffer.alloc(0)): Buffer {
  return Buffer.concat([bytes.subarray(0, at), insert, bytes.subarray(at + remove)]);
}

/** One mutation; a mutation with nothing to act on (no CRLF left, empty input) leaves the bytes as they are. */
export function applyMutation(bytes: Buffer, mutation: Mutation): Buffer {
  switch (mutation.op) {
    case 'insert': return splice(bytes, mutation.at % (bytes.length + 1), 0, Buffer.from(mutation.bytes));
    case 'delete': return bytes.length === 0 ? bytes : splice(bytes, mutation.at % bytes.length, mutation.count);
    case 'set':
    case 'flip': {
      if (bytes.length === 0) return bytes;
      const at = mutation.at % bytes.length;
      const out = Buffer.from(bytes);
      out[at] = mutation.op === 'set' ? mutation.byte : out[at]! ^ (1 << mutation.bit);
      return out;
    }
    case 'duplicate-eol': {
      const eols = eolBytes(bytes);
      if (eols.length === 0) return bytes;
      const at = eols[mutation.nth % eols.length]!;
      return splice(bytes, at, 0, bytes.subarray(at, at + 1));
    }
    case 'drop-eol': {
      const pairs = crlfPairs(bytes);
      if (pairs.length === 0) return bytes;
      const at = pairs[mutation.nth % pairs.length]!;
      if (mutation.which === 'crlf') return splice(bytes, at, 2);
      return splice(bytes, mutation.which === 'cr' ? at : at + 1, 1);
    }
    case 'inject': {
      const pairs = crlfPairs(bytes);
      if (pairs.length === 0) return bytes;
      return splice(bytes, pairs[mutation.nth % pairs.length]!, 0, INJECTIONS[mutation.what]);
    }
    case 'cut': return bytes.subarray(0, mutation.at % (bytes.length + 1));
  }
}

export function applyMutations(bytes: Buffer, mutations: readonly Mutation[]): Buffer {
  let out = bytes;
  for (const mutation of mutations) out = applyMutation(out, mutation);
  return out;
}
