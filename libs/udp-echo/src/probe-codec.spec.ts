import { isUdpEchoError } from './errors';
import { PROBE_HEADER_BYTES, decodeProbe, encodePaddedProbe, encodeProbe } from './probe-codec';

const fields = { session: 0xdeadbeef, seq: 3, sentNs: 123_456_789_012_345n };

describe('probe codec', () => {
  it('round-trips the header fields and the body', () => {
    const decoded = decodeProbe(encodeProbe(fields, Buffer.from('hello')));
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    expect(decoded.probe).toMatchObject(fields);
    expect(decoded.probe.body.toString()).toBe('hello');
  });

  it.each([PROBE_HEADER_BYTES, 56, 1400, 65507])('pads to exactly %d bytes', (size) => {
    const datagram = encodePaddedProbe(fields, size);
    expect(datagram.length).toBe(size);
    expect(decodeProbe(datagram).ok).toBe(true);
  });

  it('refuses a probe larger than one datagram', () => {
    let caught: unknown;
    try {
      encodeProbe(fields, Buffer.alloc(65507 - PROBE_HEADER_BYTES + 1));
    } catch (error) {
      caught = error;
    }
    expect(isUdpEchoError(caught, 'UDP_ECHO_PAYLOAD_TOO_LARGE')).toBe(true);
  });

  it.each([
    ['empty', Buffer.alloc(0), 'short'],
    ['shorter than a header', Buffer.alloc(PROBE_HEADER_BYTES - 1), 'short'],
    ['foreign bytes', Buffer.alloc(64, 0x41), 'magic'],
  ])('tells %s apart', (_name, datagram, defect) => {
    expect(decodeProbe(datagram)).toEqual({ ok: false, defect });
  });

  it('detects one flipped bit anywhere, header or body', () => {
    const good = encodePaddedProbe(fields, 64);
    for (let i = 4; i < good.length; i++) {
      const bad = Buffer.from(good);
      bad[i] = (bad[i] as number) ^ 0x10;
      expect(decodeProbe(bad)).toEqual({ ok: false, defect: 'checksum' });
    }
  });

  it('detects truncation and extension', () => {
    const good = encodePaddedProbe(fields, 64);
    expect(decodeProbe(good.subarray(0, 60))).toEqual({ ok: false, defect: 'checksum' });
    expect(decodeProbe(Buffer.concat([good, Buffer.from([7])]))).toEqual({ ok: false, defect: 'checksum' });
  });
});
