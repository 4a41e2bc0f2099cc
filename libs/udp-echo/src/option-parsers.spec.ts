import { isUdpEchoError } from './errors';
import { parseDatagramSize, parseDelay, parsePort, parseRate, parseSeed } from './option-parsers';

function rejects(parse: () => unknown): boolean {
  try {
    parse();
    return false;
  } catch (error) {
    return isUdpEchoError(error, 'UDP_ECHO_BAD_ARGUMENT');
  }
}

describe('parsePort', () => {
  it.each([
    ['0', 0],
    ['9000', 9000],
    ['65535', 65535],
  ])('%s -> %d', (text, port) => expect(parsePort(text)).toBe(port));

  it.each(['', '-1', '65536', '80.5', '1e3', '0x50', ' 80', 'http'])('rejects %j', (text) => {
    expect(rejects(() => parsePort(text))).toBe(true);
  });
});

describe('parseRate', () => {
  it.each([
    ['0', 0],
    ['0.5', 0.5],
    ['1', 1],
    ['1.0', 1],
  ])('%s -> %d', (text, rate) => expect(parseRate(text)).toBe(rate));

  it.each(['', '1.5', '-0.1', '.5', '5.', 'half', 'NaN'])('rejects %j', (text) => {
    expect(rejects(() => parseRate(text))).toBe(true);
  });
});

describe('parseDelay', () => {
  it.each([
    ['20', { delayMs: 20, jitterMs: 0 }],
    ['20±5', { delayMs: 20, jitterMs: 5 }],
    ['20+-5', { delayMs: 20, jitterMs: 5 }],
    ['0.5±0.25', { delayMs: 0.5, jitterMs: 0.25 }],
    ['0', { delayMs: 0, jitterMs: 0 }],
  ])('%s', (text, spec) => expect(parseDelay(text)).toEqual(spec));

  it.each(['', '±5', '20±', '20+5', '-20', '20±-5', 'slow', '20±5±1', '60001'])('rejects %j', (text) => {
    expect(rejects(() => parseDelay(text))).toBe(true);
  });
});

describe('parseSeed and parseDatagramSize', () => {
  it('accepts the whole u32 range of seeds', () => {
    expect(parseSeed('0')).toBe(0);
    expect(parseSeed('4294967295')).toBe(4294967295);
    expect(rejects(() => parseSeed('4294967296'))).toBe(true);
  });

  it('bounds sizes by the minimum given and the largest UDP payload', () => {
    expect(parseDatagramSize('65507', 24)).toBe(65507);
    expect(rejects(() => parseDatagramSize('65508', 24))).toBe(true);
    expect(rejects(() => parseDatagramSize('23', 24))).toBe(true);
  });
});
