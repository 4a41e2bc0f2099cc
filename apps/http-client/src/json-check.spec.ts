// Inline JSON is checked before sending; a broken one is pinned to its line and column.
import { checkJson, describeJsonProblem, pointAtJsonProblem } from './json-check';

describe('checkJson', () => {
  it.each([
    ['{"a": 1}', { a: 1 }],
    ['[1, "two", true, null, {"x": -1.5e3}]', [1, 'two', true, null, { x: -1500 }]],
    ['  "just a string"  ', 'just a string'],
  ])('accepts %s', (text, value) => {
    expect(checkJson(text)).toEqual({ ok: true, value });
  });

  // text, line, column, message (the column points at the offending character)
  it.each([
    ['{"a": 1 "b": 2}', 1, 9, "unexpected '\"'; expected ',' or '}'"],
    ['{"a": 1,}', 1, 9, "trailing comma before '}'"],
    ['[1, 2,]', 1, 7, "trailing comma before ']'"],
    ["{'a': 1}", 1, 2, "unexpected '''; expected a property name in double quotes"],
    ['{"a" 1}', 1, 6, "unexpected '1'; expected ':' after the property name"],
    ['{"a": tru}', 1, 7, "unexpected 't'; expected a value"],
    ['{"a": 01}', 1, 8, "unexpected '1'; expected ',' or '}'"],
    ['{"a": 1.}', 1, 9, 'a number needs digits after the decimal point'],
    ['{"a": "x\\q"}', 1, 9, 'invalid escape in a string'],
    ['{"a": "open', 1, 7, 'unterminated string'],
    ['{\n  "a": 1,\n  "b": [1, 2\n}', 4, 1, "unexpected '}'; expected ',' or ']'"],
    ['{"a": 1', 1, 8, "the text ended; expected ',' or '}'"],
    ['{"a": 1} x', 1, 10, "unexpected 'x' after the end of the JSON value"],
    ['', 1, 1, 'empty input; expected a JSON value'],
  ])('rejects %j at line %i, column %i', (text, line, column, message) => {
    const check = checkJson(text);
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.problem).toMatchObject({ line, column, message });
    expect(describeJsonProblem(check.problem)).toBe(`line ${line}, column ${column}: ${message}`);
  });

  it('points a caret at the column', () => {
    const text = '{"a": 1 "b": 2}';
    const check = checkJson(text);
    if (check.ok) throw new Error('should fail');
    expect(pointAtJsonProblem(text, check.problem)).toBe('{"a": 1 "b": 2}\n        ^');
  });

  it('copes with deep nesting without recursion', () => {
    const text = `${'['.repeat(100_000)}x`;
    const check = checkJson(text);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.problem.column).toBe(100_001);
  });
});
