// What the user sees: status colours by class, bodies by kind, timing and connection notes.
import { Chalk } from 'chalk';
import type { MessageHead } from '@mths/http-parser';
import { classifyBody } from './body-kind';
import type { ClientResponse } from './client-response';
import { chalkFor } from './colour';
import { renderBody, renderResponse, renderStatusLine, sha256 } from './render-response';
import { formatTiming } from './timing';

const plain = new Chalk({ level: 0 });
const colour = new Chalk({ level: 1 });
const screen = { rows: 20, columns: 80 };
const options = { truncate: true, saveHint: 'save <file>' };

function head(statusCode: number, headers: string[] = [], reason = 'Reason'): MessageHead {
  return { method: '', target: '', statusCode, reason, versionMajor: 1, versionMinor: 1, headers, contentLength: -1, chunked: false, keepAlive: true };
}

function response(statusCode: number, contentType: string | undefined, body: Buffer | string): ClientResponse {
  return {
    method: 'GET',
    url: 'http://h/',
    head: head(statusCode, contentType === undefined ? [] : ['content-type', contentType]),
    informational: [],
    body: Buffer.from(body),
    trailers: [],
    timing: { dnsMs: null, connectMs: 0.5, tlsMs: null, ttfbMs: 1.25, downloadMs: 0.1, totalMs: 2, bytesSent: 80, bytesReceived: 2048 },
    connection: { id: 1, reused: false, reconnected: null, keptAlive: true },
  };
}

describe('status line', () => {
  // ANSI foreground codes: green 32, cyan 36, yellow 33, red 31.
  it.each([
    [200, '32'],
    [204, '32'],
    [301, '36'],
    [404, '33'],
    [503, '31'],
  ])('%i is coloured \\e[%sm', (status, code) => {
    expect(renderStatusLine(head(status, [], 'X'), colour)).toContain(`\u001b[${code}m`);
    expect(renderStatusLine(head(status, [], 'X'), plain)).toBe(`HTTP/1.1 ${status} X`);
  });
});

describe('bodies', () => {
  it('pretty-prints JSON with colours, keeping exact numbers', () => {
    const text = renderBody(response(200, 'application/json', '{"a":[1,true,null],"big":12345678901234567890,"s":"x"}'), plain, screen, options);
    expect(text).toBe('{\n  "a": [\n    1,\n    true,\n    null\n  ],\n  "big": 12345678901234567890,\n  "s": "x"\n}');
    const coloured = renderBody(response(200, 'application/problem+json', '{"s":"x"}'), colour, screen, options);
    expect(coloured).toContain('\u001b[32m"x"');
  });

  it('shows broken JSON as text', () => {
    expect(renderBody(response(200, 'application/json', '{"a":'), plain, screen, options)).toBe('{"a":');
  });

  it('shows text as is, and cuts it after a screenful with a note', () => {
    expect(renderBody(response(200, 'text/plain', 'short\ntext'), plain, screen, options)).toBe('short\ntext');
    const lines = Array.from({ length: 100 }, (_, i) => `line ${i + 1}`).join('\n');
    const shown = renderBody(response(200, 'text/plain', lines), plain, screen, options);
    expect(shown.split('\n')).toHaveLength(15);
    expect(shown).toMatch(/line 14\n… 86 more lines not shown \(save <file> to keep the whole body\)$/);
    expect(renderBody(response(200, 'text/plain', lines), plain, screen, { ...options, truncate: false })).toBe(lines);
    const long = 'x'.repeat(5000);
    expect(renderBody(response(200, 'text/plain', long), plain, screen, options)).toMatch(/^x{1120}\n… 3880 more characters not shown/);
  });

  it('summarises binary with size, type and sha256', () => {
    const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 255]);
    const text = renderBody(response(200, 'image/png', bytes), plain, screen, options);
    expect(text).toBe(`binary body: 8 bytes, image/png, sha256 ${sha256(bytes)}\n(save <file> to keep it)`);
  });

  it.each([
    [undefined, 'plain words', 'text'],
    [undefined, '\u0000\u0001', 'binary'],
    ['application/octet-stream', 'plain words', 'text'],
    ['application/octet-stream', Buffer.from([0xc3, 0x28]), 'binary'],
    ['image/svg+xml', '<svg/>', 'text'],
    ['text/html; charset=utf-8', '<p>', 'text'],
    ['application/vnd.api+json', '{}', 'json'],
    ['text/plain', '', 'empty'],
  ])('classifies %s %j as %s', (type, body, kind) => {
    expect(classifyBody(type, Buffer.from(body))).toBe(kind);
  });
});

describe('timing and connection', () => {
  it('prints each phase, the bytes, and what happened to the connection', () => {
    const r = response(200, 'text/plain', 'ok');
    expect(formatTiming(r.timing)).toBe('connect 0.50 ms · ttfb 1.25 ms · download 0.10 ms · total 2.00 ms · 80 B sent · 2.0 KiB received');
    const shown = renderResponse({ ...r, connection: { id: 2, reused: false, reconnected: 'the server had closed the idle connection', keptAlive: true } }, plain, screen);
    expect(shown).toBe(
      [
        'HTTP/1.1 200 Reason',
        'content-type: text/plain',
        '',
        'ok',
        '',
        'connect 0.50 ms · ttfb 1.25 ms · download 0.10 ms · total 2.00 ms · 80 B sent · 2.0 KiB received',
        'reconnected: the server had closed the idle connection · new connection #2',
      ].join('\n'),
    );
  });
});

describe('chalkFor', () => {
  it('colours a terminal unless NO_COLOR is set, never a pipe', () => {
    expect(chalkFor({ isTTY: true }, {}).level).toBeGreaterThan(0);
    expect(chalkFor({ isTTY: true }, { NO_COLOR: '1' }).level).toBe(0);
    expect(chalkFor({ isTTY: false }, {}).level).toBe(0);
  });
});
