import type { MessageHead } from '@mths/http-parser';
import { AccessLog } from './access-log';

/** A peer that counts how often its address is asked (getpeername is a system call). */
function peer() {
  let asked = 0;
  return {
    get remoteAddress() {
      asked++;
      return '10.0.0.7';
    },
    get asked() {
      return asked;
    },
  };
}

function capture(colour: boolean, quiet = false) {
  const out: string[] = [];
  const err: string[] = [];
  const log = new AccessLog({ write: (t: string) => out.push(t) }, { write: (t: string) => err.push(t) }, { quiet, colour, worker: 3 });
  return { log, out, err };
}

const entry = { remoteAddress: '127.0.0.1', method: 'GET', target: '/a?b', versionMinor: 1, status: 404, bytes: 12, ms: 1.23456 };

describe('AccessLog', () => {
  it('writes SPEC lines, batched into one write per turn', () => {
    const { log, out } = capture(false);
    log.request(entry);
    log.request({ ...entry, status: 200, versionMinor: 0 });
    expect(out).toEqual([]);
    log.flush();
    expect(out).toEqual(['127.0.0.1 "GET /a?b HTTP/1.1" 404 12 1.235 t3\n127.0.0.1 "GET /a?b HTTP/1.0" 200 12 1.235 t3\n']);
  });

  it('colours the status only when asked', () => {
    const { log, out } = capture(true);
    log.request(entry);
    log.flush();
    expect(out[0]).toContain('\u001b[33m404\u001b[39m');
  });

  it('writes nothing when quiet, but warnings still go to stderr', () => {
    const { log, out, err } = capture(false, true);
    log.request(entry);
    log.flush();
    log.warn('408 to 127.0.0.1');
    expect(out).toEqual([]);
    expect(err).toEqual(['warn t3: 408 to 127.0.0.1\n']);
  });

  it('turns an answer into its line, with - for a request that could not be parsed', () => {
    const { log, out, err } = capture(false);
    const head = { method: 'POST', target: '/upload', versionMinor: 0 } as MessageHead;
    log.answered(peer(), head, 201, 90, performance.now());
    log.answered(peer(), null, 400, 10, performance.now());
    log.flush();
    expect(out[0]).toMatch(/^10\.0\.0\.7 "POST \/upload HTTP\/1\.0" 201 90 \d+\.\d{3} t3\n10\.0\.0\.7 "- - HTTP\/1\.1" 400 10 \d+\.\d{3} t3\n$/);
    expect(err).toEqual([]);
  });

  it('warns of a 5xx even when quiet, and asks a quiet 2xx peer for nothing', () => {
    const { log, out, err } = capture(false, true);
    const calm = peer();
    log.answered(calm, null, 200, 5, performance.now());
    log.answered(peer(), null, 503, 5, performance.now());
    log.flush();
    expect(calm.asked).toBe(0);
    expect(out).toEqual([]);
    expect(err).toEqual(['warn t3: 503 answered to 10.0.0.7\n']);
  });
});
