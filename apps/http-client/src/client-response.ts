// What one finished exchange hands to the renderers: the parsed response, its body, timing,
// and which connection carried it.
import type { MessageHead } from '@mths/http-parser';
import type { Timing } from './timing';

export interface ConnectionUse {
  /** Sequence number of the connection within this agent (1, 2, ...). */
  readonly id: number;
  /** True when an already open keep-alive connection carried the request. */
  readonly reused: boolean;
  /** Why a new connection replaced the kept one, or null when nothing had to be re-done. */
  readonly reconnected: string | null;
  /** True when the connection stays open for the next request to this origin. */
  readonly keptAlive: boolean;
}

export interface ClientResponse {
  readonly method: string;
  readonly url: string;
  readonly head: MessageHead;
  /** Interim 1xx responses (100 Continue, 103 Early Hints) seen before the final one. */
  readonly informational: readonly MessageHead[];
  readonly body: Buffer;
  readonly trailers: readonly string[];
  readonly timing: Timing;
  readonly connection: ConnectionUse;
}
