// One-pass Buffer -> string decoding. latin1 maps every byte to one UTF-16 unit, so obs-text
// (0x80-0xFF) in field values survives and no UTF-8 validation is paid on the hot path.

interface Latin1Slicer {
  latin1Slice(start: number, end: number): string;
}

/** Decodes buf[start, end) as latin1. Node's Buffer has this native method (toString('latin1')
 *  reaches it too, after an encoding switch we can skip); @types/node does not declare it. */
export function latin1(buf: Buffer, start: number, end: number): string {
  return (buf as unknown as Latin1Slicer).latin1Slice(start, end);
}
