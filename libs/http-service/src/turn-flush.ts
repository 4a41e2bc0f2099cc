// Responses made during one event-loop turn are written together at its end (the check phase):
// under load a turn answers dozens of connections, and sent back to back they wake a client that
// holds many of them once per batch instead of once per response. Nothing is allocated per
// response or per turn beyond the one setImmediate, so idle memory is not touched.

/** A connection with output held for the end of the turn. */
export interface Flushable {
  /** Writes what it holds; called once per turn in which it asked. */
  flushHeld(): void;
}

export class TurnFlush {
  private waiting: Flushable[] = [];
  private spare: Flushable[] = [];
  private scheduled = false;
  private readonly flush = (): void => {
    const batch = this.waiting;
    this.waiting = this.spare;
    this.scheduled = false;
    for (let i = 0; i < batch.length; i++) batch[i]!.flushHeld();
    batch.length = 0;
    this.spare = batch;
  };

  /** Calls `member.flushHeld()` at the end of this turn; ask once per turn. */
  atTurnEnd(member: Flushable): void {
    this.waiting.push(member);
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(this.flush);
    }
  }
}
