// Response mode: the methods of the requests sent, oldest first, so each response is read
// knowing what it answers (a response to HEAD has no body, RFC 9112 §6.3).

export class MethodQueue {
  private readonly methods: string[] = [];
  private head = 0;

  push(method: string): void {
    this.methods.push(method);
  }

  /** The oldest method, removed; '' when none was announced. */
  shift(): string {
    const methods = this.methods;
    if (this.head === methods.length) return '';
    const method = methods[this.head++]!;
    // Reset instead of Array.shift(): O(1) however many responses are pipelined.
    if (this.head === methods.length) {
      methods.length = 0;
      this.head = 0;
    }
    return method;
  }
}
