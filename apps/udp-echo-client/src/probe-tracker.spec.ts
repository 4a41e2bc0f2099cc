import { ProbeTracker } from './probe-tracker';

describe('ProbeTracker', () => {
  it('numbers probes from 1 and counts on-time replies', () => {
    const tracker = new ProbeTracker();
    expect([tracker.send(), tracker.send(), tracker.send()]).toEqual([1, 2, 3]);
    expect(tracker.outstanding).toBe(3);
    expect(tracker.reply(1, 1.5)).toBe('ok');
    expect(tracker.reply(2, 2.5)).toBe('ok');
    expect(tracker.reply(3, 3.5)).toBe('ok');
    expect(tracker.counts()).toEqual({
      sent: 3,
      received: 3,
      lost: 0,
      pending: 0,
      duplicates: 0,
      reordered: 0,
      late: 0,
      corrupted: 0,
    });
    expect(tracker.rttSummary()).toMatchObject({ count: 3, minMs: 1.5, avgMs: 2.5, maxMs: 3.5 });
  });

  it('tells duplicates, reordering, late replies and unknown numbers apart', () => {
    const tracker = new ProbeTracker();
    for (let i = 0; i < 5; i++) tracker.send();
    expect(tracker.reply(1, 1)).toBe('ok');
    expect(tracker.reply(1, 1)).toBe('duplicate');
    expect(tracker.reply(3, 1)).toBe('ok');
    expect(tracker.reply(2, 1)).toBe('reordered');
    expect(tracker.timeout(4)).toBe(true);
    expect(tracker.timeout(4)).toBe(false);
    expect(tracker.reply(4, 900)).toBe('late');
    expect(tracker.reply(4, 901)).toBe('duplicate');
    expect(tracker.timeout(5)).toBe(true);
    expect(tracker.reply(0, 1)).toBe('unknown');
    expect(tracker.reply(6, 1)).toBe('unknown');
    tracker.corrupt();
    expect(tracker.counts()).toEqual({
      sent: 5,
      received: 3,
      lost: 2,
      pending: 0,
      duplicates: 2,
      reordered: 1,
      late: 1,
      corrupted: 1,
    });
    // Late and duplicate replies stay out of the RTT statistics.
    expect(tracker.rttSummary()?.count).toBe(3);
    expect(tracker.rttSummary()?.maxMs).toBe(1);
  });

  it('ignores a timeout for a probe that was already answered', () => {
    const tracker = new ProbeTracker();
    tracker.send();
    tracker.reply(1, 1);
    expect(tracker.timeout(1)).toBe(false);
    expect(tracker.counts().lost).toBe(0);
  });

  it('grows past its initial capacity', () => {
    const tracker = new ProbeTracker();
    for (let i = 1; i <= 1000; i++) expect(tracker.send()).toBe(i);
    for (let i = 1000; i >= 1; i--) tracker.reply(i, 1);
    expect(tracker.counts()).toMatchObject({ sent: 1000, received: 1000, reordered: 999 });
  });
});
