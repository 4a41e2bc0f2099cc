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
  // Two lists used in turn, counted rather than emptied: an Array cut to length 0 drops its
  // memory, and a busy turn would grow a new one again.
  private waiting: Array<Flushable | undefined> = [];
  private waitingCount = 0;
  private spare: Array<Flushable | undefined> = [];
  private scheduled = false;
  private readonly flush = (): void => {
    const batch = this.waiting;
    const count = this.waitingCount;
    this.waiting = this.spare;
    this.waitingCount = 0;
    this.scheduled = false;
    for (let i = 0; i < count; i++) {
      const member = batch[i]!;
      batch[i] = undefined;
      member.flushHeld();
    }
    this.spare = batch;
  };

  /** Calls `member.flushHeld()` at the end of this turn; ask once per turn. */
  atTurnEnd(member: Flushable): void {
    this.waiting[this.waitingCount++] = member;
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(this.flush);
    }
  }
}
