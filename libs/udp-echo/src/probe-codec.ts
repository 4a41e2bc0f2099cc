// The probe datagram of the ping-style client: enough in every packet to tell late, duplicated,
// reordered and corrupted echoes apart. Big-endian layout, 24-byte header, then the body:
//
//   0  magic "UEP1"    4  session id (u32)   8  sequence (u32)
//   12 send time (u64, process.hrtime.bigint() ns)   20 checksum (u32, FNV-1a of all other bytes)
//   24 body: padding or the typed text

import { UdpEchoError } from './errors';
import { UDP_ECHO_DEFAULTS } from './defaults';

export const PROBE_MAGIC = 0x55455031; // "UEP1"
export const PROBE_HEADER_BYTES = 24;
const CHECKSUM_OFFSET = 20;

export interface ProbeFields {
  readonly session: number;
  readonly seq: number;
  /** process.hrtime.bigint() when the probe left, echoed back unchanged. */
  readonly sentNs: bigint;
}

export interface Probe extends ProbeFields {
  /** The bytes after the header: a view into the datagram, not a copy. */
  readonly body: Buffer;
}

/** Why a datagram is not a valid probe: too short, no magic, or bytes changed on the way. */
export type ProbeDefect = 'short' | 'magic' | 'checksum';

export type DecodedProbe = { readonly ok: true; readonly probe: Probe } | { readonly ok: false; readonly defect: ProbeDefect };

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

function fnv1a(bytes: Buffer, from: number, to: number, hash: number): number {
  let h = hash;
  for (let i = from; i < to; i++) {
    h = Math.imul(h ^ (bytes[i] as number), FNV_PRIME);
  }
  return h >>> 0;
}

/** FNV-1a over the whole datagram except the checksum field itself. */
function probeChecksum(datagram: Buffer): number {
  const head = fnv1a(datagram, 0, CHECKSUM_OFFSET, FNV_OFFSET);
  return fnv1a(datagram, PROBE_HEADER_BYTES, datagram.length, head);
}

/** A header plus `body`; the datagram must fit in one UDP payload. */
export function encodeProbe(fields: ProbeFields, body: Buffer): Buffer {
  const size = PROBE_HEADER_BYTES + body.length;
  if (size > UDP_ECHO_DEFAULTS.maxDatagramBytes) {
    throw new UdpEchoError(
      'UDP_ECHO_PAYLOAD_TOO_LARGE',
      `a probe of ${size} bytes does not fit in one datagram (max ${UDP_ECHO_DEFAULTS.maxDatagramBytes})`,
    );
  }
  const datagram = Buffer.allocUnsafe(size);
  datagram.writeUInt32BE(PROBE_MAGIC, 0);
  datagram.writeUInt32BE(fields.session >>> 0, 4);
  datagram.writeUInt32BE(fields.seq >>> 0, 8);
  datagram.writeBigUInt64BE(fields.sentNs, 12);
  body.copy(datagram, PROBE_HEADER_BYTES);
  datagram.writeUInt32BE(probeChecksum(datagram), CHECKSUM_OFFSET);
  return datagram;
}

/** A probe of exactly `size` bytes whose body is a pattern tied to `seq`, as ping(8) pads. */
export function encodePaddedProbe(fields: ProbeFields, size: number): Buffer {
  const body = Buffer.allocUnsafe(Math.max(0, size - PROBE_HEADER_BYTES));
  for (let i = 0; i < body.length; i++) body[i] = (i + fields.seq) & 0xff;
  return encodeProbe(fields, body);
}

export function decodeProbe(datagram: Buffer): DecodedProbe {
  if (datagram.length < PROBE_HEADER_BYTES) return { ok: false, defect: 'short' };
  if (datagram.readUInt32BE(0) !== PROBE_MAGIC) return { ok: false, defect: 'magic' };
  if (datagram.readUInt32BE(CHECKSUM_OFFSET) !== probeChecksum(datagram)) return { ok: false, defect: 'checksum' };
  return {
    ok: true,
    probe: {
      session: datagram.readUInt32BE(4),
      seq: datagram.readUInt32BE(8),
      sentNs: datagram.readBigUInt64BE(12),
      body: datagram.subarray(PROBE_HEADER_BYTES),
    },
  };
}
