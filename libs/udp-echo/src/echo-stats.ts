// Datagram and byte counters of the echo server, in total and per peer (address:port).
// The per-peer table is bounded, because a network can send from any number of addresses.

import { UDP_ECHO_DEFAULTS } from './defaults';

export interface TrafficCounters {
  readonly datagramsIn: number;
  readonly bytesIn: number;
  /** Echoes handed to the socket (a refused one also counts in sendErrors). */
  readonly datagramsOut: number;
  readonly bytesOut: number;
  /** Datagrams the loss simulation chose not to echo. */
  readonly dropped: number;
  /** Echoes the socket refused (EMSGSIZE, bad source port, ...). */
  readonly sendErrors: number;
}

/** The mutable form the server updates in place: one object per peer, no allocation per datagram. */
export class Counters implements TrafficCounters {
  datagramsIn = 0;
  bytesIn = 0;
  datagramsOut = 0;
  bytesOut = 0;
  dropped = 0;
  sendErrors = 0;

  snapshot(): TrafficCounters {
    return Object.freeze({ ...this });
  }
}

export interface PeerCounters extends TrafficCounters {
  /** `address:port`, `[v6]:port`, or `other` for peers past the table's bound. */
  readonly peer: string;
}

export interface EchoStatsSnapshot {
  readonly totals: TrafficCounters;
  readonly peers: readonly PeerCounters[];
}

export const OTHER_PEERS = 'other';

export class EchoStats {
  readonly totals = new Counters();
  private readonly peers = new Map<string, Counters>();
  private readonly others = new Counters();

  constructor(private readonly maxPeers: number = UDP_ECHO_DEFAULTS.maxTrackedPeers) {}

  /** The counters of one peer, created on first sight; past the bound all new peers share one. */
  peer(key: string): Counters {
    let counters = this.peers.get(key);
    if (counters !== undefined) return counters;
    if (this.peers.size >= this.maxPeers) return this.others;
    counters = new Counters();
    this.peers.set(key, counters);
    return counters;
  }

  get peerCount(): number {
    return this.peers.size;
  }

  snapshot(): EchoStatsSnapshot {
    const peers: PeerCounters[] = [];
    for (const [peer, counters] of this.peers) peers.push({ peer, ...counters.snapshot() });
    if (this.others.datagramsIn > 0) peers.push({ peer: OTHER_PEERS, ...this.others.snapshot() });
    return Object.freeze({ totals: this.totals.snapshot(), peers: Object.freeze(peers) });
  }
}

/** One line: `in 4 datagrams (224 B), out 3 (168 B), dropped 1, send errors 0`. */
export function formatCounters(c: TrafficCounters): string {
  return (
    `in ${c.datagramsIn} datagrams (${c.bytesIn} B), out ${c.datagramsOut} (${c.bytesOut} B), ` +
    `dropped ${c.dropped}, send errors ${c.sendErrors}`
  );
}
