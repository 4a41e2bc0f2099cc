// The push API itself: callback order, idle/finish, the dead state after an error, and
// heads that arrive in pieces.

import { HttpParser, HttpParseError, MessageCollector, type MessageHead } from './index';

function recorder(): { events: string[]; handler: ConstructorParameters<typeof HttpParser>[1] } {
  const events: string[] = [];
  return {
    events,
    handler: {
      onHead: (head: MessageHead) => events.push(`head ${head.method}${head.statusCode || ''} ${head.target}`.trim()),
      onBody: (chunk: Buffer) => events.push(`body ${chunk.toString('latin1')}`),
      onComplete: (trailers: readonly string[]) => events.push(`complete${trailers.length > 0 ? ` ${trailers.join(',')}` : ''}`),
    },
  };
}

test('callbacks come in order: onHead, onBody*, onComplete, for every message', () => {
  const { events, handler } = recorder();
  const parser = new HttpParser('request', handler);
  parser.execute(Buffer.from('POST /a HTTP/1.1\r\nContent-Length: 4\r\n\r\nab'));
  parser.execute(Buffer.from('cdGET /b HTTP/1.1\r\n\r\nPUT /c HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n1\r\nx\r\n0\r\nT: 1\r\n\r\n'));
  expect(events).toEqual(['head POST /a', 'body ab', 'body cd', 'complete', 'head GET /b', 'complete', 'head PUT /c', 'body x', 'complete t,1']);
});

test('idle is true only between messages', () => {
  const parser = new HttpParser('request', new MessageCollector());
  expect(parser.idle).toBe(true);
  parser.execute(Buffer.from('GET / HT'));
  expect(parser.idle).toBe(false);
  parser.execute(Buffer.from('TP/1.1\r\n\r\n'));
  expect(parser.idle).toBe(true);
  parser.execute(Buffer.from('POST / HTTP/1.1\r\nContent-Length: 1\r\n\r\n'));
  expect(parser.idle).toBe(false);
  parser.execute(Buffer.from('x'));
  expect(parser.idle).toBe(true);
});

test('finish() between messages is a clean close; inside one it is HPE_UNEXPECTED_EOF', () => {
  const clean = new HttpParser('request', new MessageCollector());
  expect(clean.finish()).toBeNull();
  clean.execute(Buffer.from('GET / HTTP/1.1\r\n\r\n'));
  expect(clean.finish()).toBeNull();

  const cut = new HttpParser('request', new MessageCollector());
  cut.execute(Buffer.from('GET / HTTP/1.1\r\nHost: a\r\n'));
  const error = cut.finish();
  expect(error).toBeInstanceOf(HttpParseError);
  expect(error).toMatchObject({ code: 'HPE_UNEXPECTED_EOF', status: 400 });
});

test('after an error the parser is dead: execute() and finish() return the same error', () => {
  const collector = new MessageCollector();
  const parser = new HttpParser('request', collector);
  const error = parser.execute(Buffer.from('GET / HTTP/1.1\r\nBad Name: x\r\n\r\n'));
  expect(error).toBeInstanceOf(HttpParseError);
  expect(error?.code).toBe('HPE_WHITESPACE_BEFORE_COLON');
  expect(error?.message).toMatch(/whitespace/);
  expect(parser.execute(Buffer.from('GET / HTTP/1.1\r\n\r\n'))).toBe(error);
  expect(parser.finish()).toBe(error);
  expect(parser.idle).toBe(false);
  expect(collector.messages).toEqual([]);
});

test('a head trickling in one byte per call is assembled and reported once', () => {
  const { events, handler } = recorder();
  const parser = new HttpParser('request', handler);
  const raw = Buffer.from('\r\nGET /slow HTTP/1.1\r\nHost: a\r\nX-Long: ' + 'v'.repeat(300) + '\r\n\r\n');
  for (const byte of raw) expect(parser.execute(Buffer.from([byte]))).toBeNull();
  expect(events).toEqual(['head GET /slow', 'complete']);
});

test('bytes of a stashed line are copied: the caller may reuse its buffer', () => {
  const collector = new MessageCollector();
  const parser = new HttpParser('request', collector);
  const reused = Buffer.from('GET /first HTTP/1.1\r\nHo');
  parser.execute(reused);
  reused.fill(0x21);
  parser.execute(Buffer.from('st: a\r\n\r\n'));
  expect(collector.messages[0]?.head).toMatchObject({ target: '/first', headers: ['host', 'a'] });
});

test('an empty chunk changes nothing', () => {
  const parser = new HttpParser('request', new MessageCollector());
  expect(parser.execute(Buffer.alloc(0))).toBeNull();
  expect(parser.idle).toBe(true);
});

test('limits may be given in part; the rest (even ones given as undefined) are the defaults', () => {
  const parser = new HttpParser('request', new MessageCollector(), { maxHeaderCount: 1, maxStartLineBytes: undefined });
  expect(parser.execute(Buffer.from(`GET /${'a'.repeat(5000)} HTTP/1.1\r\nA: 1\r\nB: 2\r\n\r\n`))?.code).toBe('HPE_TOO_MANY_HEADERS');
  const strict = new HttpParser('request', new MessageCollector(), { maxStartLineBytes: undefined });
  expect(strict.execute(Buffer.from(`GET /${'a'.repeat(9000)} HTTP/1.1\r\n\r\n`))?.code).toBe('HPE_URI_TOO_LONG');
});
