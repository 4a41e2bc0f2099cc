import fc from 'fast-check';
import { httpDate, httpDateLine } from './http-date';

// IMF-fixdate, RFC 9110 §5.6.7.
const IMF_FIXDATE =
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/;

describe('httpDate', () => {
  it.each([
    [784111777000, 'Sun, 06 Nov 1994 08:49:37 GMT'],
    [784111777999, 'Sun, 06 Nov 1994 08:49:37 GMT'],
    [0, 'Thu, 01 Jan 1970 00:00:00 GMT'],
    [951782400000, 'Tue, 29 Feb 2000 00:00:00 GMT'],
    [1767225599000, 'Wed, 31 Dec 2025 23:59:59 GMT'],
    [253402300799000, 'Fri, 31 Dec 9999 23:59:59 GMT'],
  ])('%d -> %s', (now, expected) => {
    expect(httpDate(now)).toBe(expected);
    expect(httpDateLine(now).toString('latin1')).toBe(`Date: ${expected}\r\n`);
  });

  it('is IMF-fixdate and names the right second for any instant up to year 9999', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 253402300799999 }), (now) => {
        const text = httpDate(now);
        expect(text).toMatch(IMF_FIXDATE);
        expect(Date.parse(text)).toBe(Math.floor(now / 1000) * 1000);
      }),
      { numRuns: 200 },
    );
  });

  it('formats at most once per second and reuses the line Buffer', () => {
    const format = jest.spyOn(Date.prototype, 'toUTCString');
    try {
      const second = 1700000000000;
      const line = httpDateLine(second);
      for (let ms = 0; ms < 1000; ms += 7) {
        expect(httpDateLine(second + ms)).toBe(line);
        httpDate(second + ms);
      }
      expect(format).toHaveBeenCalledTimes(1);
      expect(httpDateLine(second + 1000)).not.toBe(line);
      expect(format).toHaveBeenCalledTimes(2);
    } finally {
      format.mockRestore();
    }
  });

  it('follows the clock when no instant is given (fake timers, no waiting)', () => {
    jest.useFakeTimers({ now: 784111777000 });
    try {
      expect(httpDate()).toBe('Sun, 06 Nov 1994 08:49:37 GMT');
      jest.setSystemTime(784111777999);
      expect(httpDate()).toBe('Sun, 06 Nov 1994 08:49:37 GMT');
      jest.setSystemTime(784111778000);
      expect(httpDate()).toBe('Sun, 06 Nov 1994 08:49:38 GMT');
      expect(httpDateLine().toString('latin1')).toBe('Date: Sun, 06 Nov 1994 08:49:38 GMT\r\n');
    } finally {
      jest.useRealTimers();
    }
  });

  it.each([Number.NaN, Infinity, -Infinity])('refuses %d with RB_INVALID_DATE', (now) => {
    expect(() => httpDate(now)).toThrow(expect.objectContaining({ code: 'RB_INVALID_DATE' }));
  });
});
