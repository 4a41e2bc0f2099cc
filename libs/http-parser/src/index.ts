// Public face of the HTTP/1.x parser: the parser, its error catalogue, its contract types,
// BodyAccumulator (to keep onBody's pieces), and the `collect` helper that other projects' tests reuse.

export { HttpParser } from './http-parser';
export { BodyAccumulator } from './body-accumulator';
export { HttpParseError, PARSE_ERRORS } from './errors';
export type { ParseErrorCode } from './errors';
export { collect, splitAt, MessageCollector } from './testing/collect';
export type { Collected, CollectedMessage, CollectOptions } from './testing/collect';
export * from './types';
