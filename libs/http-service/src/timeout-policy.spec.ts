import { LINGER_MS, timeoutVerdict, type ConnectionClocks, type ConnectionPhase } from './timeout-policy';

const config = { headerTimeoutMs: 10_000, keepAliveTimeoutMs: 5_000 };
const at = (phase: ConnectionPhase, now: number): ConnectionClocks => ({
  phase,
  now,
  closingSince: 0,
  writeStalledSince: 0,
  lastByteAt: 0,
  messageStartedAt: 0,
  idleSince: 0,
});

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
    expect(timeoutVerdict({ ...at('body', 20_000), lastByteAt: 15_000 }, config)).toBe('none');
    expect(timeoutVerdict({ ...at('head', 20_000), lastByteAt: 15_000 }, config)).toBe('head-timeout');
  });
});
