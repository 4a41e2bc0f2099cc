import { AccessLog } from './access-log';

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
});
