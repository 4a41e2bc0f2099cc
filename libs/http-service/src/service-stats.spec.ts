import { SharedCounters } from '@mths/thread-pool';
import { nextTurn } from '@mths/test-kit';
import { COUNTER_NAMES, ServiceStats } from './service-stats';
import { TurnFlush, type Flushable } from './turn-flush';

function setUp() {
  const counters = SharedCounters.create(COUNTER_NAMES, 2);
  const turnFlush = new TurnFlush();
  return { counters, turnFlush, stats: new ServiceStats(counters, 1, turnFlush) };
}

describe('ServiceStats', () => {
  it('publishes a turn of requests and bytes at its end, into its own slot', async () => {
    const { counters, stats } = setUp();
    stats.bytes(100, 0);
    stats.request();
    stats.bytes(0, 250);
    stats.request();
    expect(counters.snapshot(1)).toMatchObject({ requests: 0, bytesIn: 0, bytesOut: 0 });
    await nextTurn();
    expect(counters.snapshot(1)).toMatchObject({ requests: 2, bytesIn: 100, bytesOut: 250 });
    expect(counters.snapshot(0)).toMatchObject({ requests: 0, bytesIn: 0, bytesOut: 0 });
    stats.request();
    await nextTurn();
    expect(counters.snapshot(1).requests).toBe(3);
  });

  it('is published before the responses held in the same turn are written', async () => {
    const { counters, turnFlush, stats } = setUp();
    const seen: number[] = [];
    const connection: Flushable = { flushHeld: () => seen.push(counters.snapshot(1).requests ?? -1) };
    stats.request();
    turnFlush.atTurnEnd(connection);
    await nextTurn();
    expect(seen).toEqual([1]);
  });

  it('publishes at once when asked (a draining service) and counts nothing twice', async () => {
    const { counters, stats } = setUp();
    stats.request();
    stats.bytes(7, 9);
    stats.flushHeld();
    expect(counters.snapshot(1)).toMatchObject({ requests: 1, bytesIn: 7, bytesOut: 9 });
    await nextTurn();
    expect(counters.snapshot(1)).toMatchObject({ requests: 1, bytesIn: 7, bytesOut: 9 });
  });

  it('keeps connection gauges exact at every moment', () => {
    const { counters, stats } = setUp();
    stats.opened();
    stats.opened();
    stats.closed();
    stats.readerStalled(true);
    stats.rejected();
    expect(counters.snapshot(1)).toMatchObject({ connections: 1, stalledReaders: 1, rejected: 1 });
  });
});
