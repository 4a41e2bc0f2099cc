// Defaults and bounds of the client's flags, read by the CLI, its help text and the tests.

export const CLIENT_DEFAULTS = Object.freeze({
  count: 4,
  /** UDP payload bytes per probe, as ping(8)'s -s (replies report payload + 8, like ping's 64). */
  size: 56,
  intervalMs: 1000,
  timeoutMs: 1000,
  maxCount: 10_000_000,
  /** An hour: longer intervals or timeouts are typos, not plans. */
  maxMs: 3_600_000,
});
