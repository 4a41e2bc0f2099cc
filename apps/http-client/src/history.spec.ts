// The history file: bounded, atomic, tolerant of damage, and never holding a secret in clear.
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { History, historyPath, isRedacted, redactValue } from './history';
import type { RequestSpec } from './request-spec';

describe('History', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'http-client-history-'));
    file = join(dir, 'history.json');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const spec = (n: number): RequestSpec => ({ method: 'GET', url: `http://h/${n}`, headers: [] });

  it('lives where HTTP_CLIENT_HISTORY says, else in the home folder', () => {
    expect(historyPath({ HTTP_CLIENT_HISTORY: '/tmp/x.json' })).toBe('/tmp/x.json');
    expect(historyPath({})).toMatch(/\.http-client-history\.json$/);
  });

  it('keeps the newest entries up to its limit, across sessions', () => {
    const history = History.load(file, 3);
    for (let n = 1; n <= 5; n++) history.add(spec(n));
    expect(history.list().map((e) => e.url)).toEqual(['http://h/3', 'http://h/4', 'http://h/5']);
    const again = History.load(file, 3);
    expect(again.list().map((e) => e.url)).toEqual(['http://h/3', 'http://h/4', 'http://h/5']);
    expect(again.get(1)?.url).toBe('http://h/3');
    expect(again.get(4)).toBeUndefined();
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('records a repeat of the last request once', () => {
    const history = History.load(file);
    history.add(spec(1));
    history.add(spec(1));
    history.add(spec(2));
    history.add(spec(1));
    expect(history.list().map((e) => e.url)).toEqual(['http://h/1', 'http://h/2', 'http://h/1']);
  });

  it('never writes Authorization, Proxy-Authorization or Cookie values', () => {
    const history = History.load(file);
    history.add({
      method: 'POST',
      url: 'http://h/upload',
      headers: [['Authorization', 'Bearer s3cr3t-token'], ['Cookie', 'session=abc123'], ['Proxy-Authorization', 'Basic dXNlcjpwdw=='], ['X-Trace', 'keep-me']],
      body: { kind: 'json', text: '{"a":1}' },
    });
    const text = readFileSync(file, 'utf8');
    expect(text).not.toMatch(/s3cr3t|abc123|dXNlcjpwdw/);
    expect(text).toMatch(/keep-me/);
    // This session still has the real values; a new one sees them redacted.
    expect(history.list()[0]?.headers[0]).toEqual(['Authorization', 'Bearer s3cr3t-token']);
    const loaded = History.load(file).list()[0];
    expect(loaded?.headers).toEqual([['Authorization', 'Bearer <redacted>'], ['Cookie', '<redacted>'], ['Proxy-Authorization', 'Basic <redacted>'], ['X-Trace', 'keep-me']]);
    expect(loaded?.body).toEqual({ kind: 'json', text: '{"a":1}' });
  });

  it('starts empty from a missing or damaged file and drops malformed entries', () => {
    expect(History.load(join(dir, 'missing.json')).list()).toEqual([]);
    writeFileSync(file, 'not json');
    expect(History.load(file).list()).toEqual([]);
    writeFileSync(
      file,
      JSON.stringify({
        version: 1,
        entries: [
          { method: 'GET', url: 'http://h/ok', headers: [], at: '2026-01-01T00:00:00.000Z' },
          { method: 'BREW', url: 'http://h/', headers: [], at: 'x' },
          { method: 'GET', url: 'http://h/', headers: [['Bad Name', 'x']], at: 'x' },
          { method: 'POST', url: 'http://h/', headers: [], body: { kind: 'shell', text: 'rm' }, at: 'x' },
          'junk',
        ],
      }),
    );
    expect(History.load(file).list().map((e) => e.url)).toEqual(['http://h/ok']);
  });

  it('reports an unwritable file as a typed error', () => {
    const history = History.load(join(file, 'under-a-file', 'h.json'));
    writeFileSync(file, '');
    expect(() => history.add(spec(1))).toThrow(expect.objectContaining({ code: 'CLIENT_HISTORY_FAILED' }));
  });

  it('redacts values but keeps the scheme', () => {
    expect(redactValue('Bearer abc')).toBe('Bearer <redacted>');
    expect(redactValue('abc')).toBe('<redacted>');
    expect(isRedacted('Basic <redacted>')).toBe(true);
    expect(isRedacted('Basic abc')).toBe(false);
  });
});
