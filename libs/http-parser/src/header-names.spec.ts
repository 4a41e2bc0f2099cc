// The interned header-name table: matches ignore case, lookups stay short.

import { HEADER_NAMES, headerName, longestChain, lookupHeaderName } from './header-names';

const bytes = (text: string): Buffer => Buffer.from(text, 'latin1');

test('every common name is found in any letter case', () => {
  for (const name of HEADER_NAMES) {
    for (const variant of [name, name.toUpperCase(), name.replace(/(^|-)./g, (s) => s.toUpperCase())]) {
      const b = bytes(variant);
      expect(HEADER_NAMES[lookupHeaderName(b, 0, b.length)]).toBe(name);
    }
  }
});

test('near misses are not matched and fall back to a lower-cased copy', () => {
  for (const miss of ['hosts', 'hos', 'x-forwarded-fox', 'content-lengthy', 'a']) {
    const b = bytes(miss.toUpperCase());
    expect(lookupHeaderName(b, 0, b.length)).toBe(-1);
    expect(headerName(b, 0, b.length)).toBe(miss);
  }
});

test('names are matched inside a larger buffer', () => {
  const b = bytes('xxContent-Typeyy');
  expect(headerName(b, 2, 14)).toBe('content-type');
});

test('hash chains stay short', () => {
  expect(longestChain()).toBeLessThanOrEqual(3);
});
