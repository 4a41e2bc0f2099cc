// The two parsers under test behind one shape: feed a chunk, count completed messages.
// llhttp is reached through Node's internal binding, the same one node:http uses.

import { HttpParser } from '@mths/http-parser';

export interface RunnerStats {
  fed: number;
  completed: number;
  bodyBytes: number;
}

export interface Runner {
  readonly name: string;
  feed(chunk: Buffer): void;
  /** What the parser reported so far, to check that it really parsed every message. */
  readonly stats: RunnerStats;
}

export function oursRunner(): Runner {
  const stats: RunnerStats = { fed: 0, completed: 0, bodyBytes: 0 };
  const parser = new HttpParser('request', {
    onHead() {},
    onBody(chunk) {
      stats.bodyBytes += chunk.length;
    },
    onComplete() {
      stats.completed++;
    },
  });
  return {
    name: 'ours',
    feed(chunk) {
      stats.fed++;
      const error = parser.execute(chunk);
      if (error !== null) throw error;
    },
    stats,
  };
}

interface NodeHttpParser {
  initialize(type: number, resource: object): void;
  execute(chunk: Buffer): number | Error;
  [callback: number]: unknown;
}
interface NodeHttpParserClass {
  new (): NodeHttpParser;
  REQUEST: number;
  kOnHeaders: number;
  kOnHeadersComplete: number;
  kOnBody: number;
  kOnMessageComplete: number;
  kOnExecute: number;
}

export function llhttpRunner(): Runner {
  const { HTTPParser } = require('_http_common') as { HTTPParser: NodeHttpParserClass };
  const stats: RunnerStats = { fed: 0, completed: 0, bodyBytes: 0 };
  const parser = new HTTPParser();
  parser.initialize(HTTPParser.REQUEST, {});
  // Called only when a head spans execute() calls, which these fixtures never do.
  parser[HTTPParser.kOnHeaders] = () => undefined;
  parser[HTTPParser.kOnHeadersComplete] = () => 0;
  parser[HTTPParser.kOnBody] = (chunk: Buffer) => {
    stats.bodyBytes += chunk.length;
  };
  parser[HTTPParser.kOnMessageComplete] = () => {
    stats.completed++;
  };
  parser[HTTPParser.kOnExecute] = () => undefined;
  return {
    name: 'llhttp',
    feed(chunk) {
      stats.fed++;
      const result = parser.execute(chunk);
      if (result instanceof Error) throw result;
    },
    stats,
  };
}
