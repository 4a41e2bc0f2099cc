// What the supervisor hands each worker thread.
import type { ServerConfig } from '@mths/http-service';

export interface HttpWorkerData {
  /** The config, with the port the supervisor reserved (never 0 here). */
  readonly config: ServerConfig;
  /** Colour access lines: the main thread's stdout is a TTY. */
  readonly colour: boolean;
}

/** Main -> worker, only when MTHS_TEST_HOOKS=1: throw, to test supervision. */
export const TEST_CRASH = 'test:crash';
/** Main -> worker, only when MTHS_TEST_HOOKS=hang: block the event loop, to test the watchdog. */
export const TEST_HANG = 'test:hang';
