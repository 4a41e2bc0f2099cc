import { TurnFlush, type Flushable } from './turn-flush';
import { nextTurn } from '@mths/test-kit';

/** Records when it is flushed, as a connection would write its held response. */
class Recorder implements Flushable {
  constructor(private readonly log: string[], private readonly name: string) {}
  flushHeld(): void {
    this.log.push(this.name);
  }
}

describe('TurnFlush', () => {
  it('flushes nobody before the turn ends, then everyone who asked, in order', async () => {
    const log: string[] = [];
    const flush = new TurnFlush();
    flush.atTurnEnd(new Recorder(log, 'a'));
    flush.atTurnEnd(new Recorder(log, 'b'));
    await Promise.resolve();
    expect(log).toEqual([]);
    await nextTurn();
    expect(log).toEqual(['a', 'b']);
  });

  it('flushes each turn only those who asked in it', async () => {
    const log: string[] = [];
    const flush = new TurnFlush();
    const a = new Recorder(log, 'a');
    flush.atTurnEnd(a);
    await nextTurn();
    flush.atTurnEnd(new Recorder(log, 'c'));
    await nextTurn();
    await nextTurn();
    expect(log).toEqual(['a', 'c']);
  });

  it('takes a member that asks while the turn is being flushed into the next flush', async () => {
    const log: string[] = [];
    const flush = new TurnFlush();
    const late = new Recorder(log, 'late');
    flush.atTurnEnd({ flushHeld: () => { log.push('first'); flush.atTurnEnd(late); } });
    await nextTurn();
    expect(log).toEqual(['first']);
    await nextTurn();
    expect(log).toEqual(['first', 'late']);
  });
});
