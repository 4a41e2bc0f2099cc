import { LINGER_MS, MIN_BODY_BYTES_PER_SECOND, timeoutVerdict, zeroClocks, type ConnectionClocks, type ConnectionPhase } from './timeout-policy';

const config = { headerTimeoutMs: 10_000, keepAliveTimeoutMs: 5_000 };
const at = (phase: ConnectionPhase, now: number): ConnectionClocks => ({ ...zeroClocks(phase), now });

describe('timeoutVerdict', () => {
  it.each([
    // RFC 9112 section 9.5: an idle persistent connection may be closed at any time.
    ['idle', 5_000, 'none'],
    ['idle', 5_001, 'close-idle'],
    // Slow-loris: the whole head must arrive within --header-timeout, however it trickles.
    ['head', 10_000, 'none'],
    ['head', 10_001, 'head-timeout'],
    ['body', 10_001, 'body-timeout'],
    // Parsed requests waiting for their turn are never timed out.
    ['queued', 1e9, 'none'],
    ['writing', 15_000, 'none'],
    ['writing', 15_001, 'drop-stalled-reader'],
    ['closing', LINGER_MS, 'none'],
    ['closing', LINGER_MS + 1, 'destroy'],
  ] as const)('%s after %d ms: %s', (phase, now, verdict) => {
    expect(timeoutVerdict(at(phase, now), config)).toBe(verdict);
  });

  it('measures a body from its last byte, a head from its first', () => {
    const bodySoFar = 10 * MIN_BODY_BYTES_PER_SECOND;
    expect(timeoutVerdict({ ...at('body', 20_000), lastByteAt: 15_000, bodyBytes: bodySoFar }, config)).toBe('none');
    expect(timeoutVerdict({ ...at('head', 20_000), lastByteAt: 15_000 }, config)).toBe('head-timeout');
  });

  it('gives a body one more second per MIN_BODY_BYTES_PER_SECOND bytes, however recent its last byte', () => {
    // 60 s after the request began, a byte just arrived: 25 000 bytes earn 50 s, plus the 10 s.
    const slow = { ...at('body', 60_000), lastByteAt: 59_999 };
    expect(timeoutVerdict({ ...slow, bodyBytes: 25 * 1000 }, config)).toBe('none');
    expect(timeoutVerdict({ ...slow, bodyBytes: 25 * 1000 - 1 }, config)).toBe('body-too-slow');
  });
});
