// A number that moves on once per event-loop turn (in the check phase, right after the turn's
// I/O callbacks), so a check made once in a turn can be shared by every request of that turn.

export class LoopTurn {
  private turn = 0;
  private scheduled = false;
  private readonly advance = (): void => {
    this.turn++;
    this.scheduled = false;
  };

  /** The current turn; two calls return the same number only within one loop iteration. */
  current(): number {
    // Only a turn that asked needs ending, so an idle server schedules nothing.
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(this.advance);
    }
    return this.turn;
  }
}
