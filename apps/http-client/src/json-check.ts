// Validates JSON typed by the user before it is sent and, when it is broken, finds where:
// line, column and what was expected there, independent of the wording of V8's messages.

export interface JsonProblem {
  /** Index into the text (UTF-16 units) where the problem is. */
  readonly offset: number;
  /** 1-based line and column of `offset`. */
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

export type JsonCheck = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly problem: JsonProblem };

export function checkJson(text: string): JsonCheck {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, problem: locateJsonProblem(text) };
  }
}

/** One line for stderr: `line 1, column 9: expected ',' or '}'`. */
export function describeJsonProblem(problem: JsonProblem): string {
  return `line ${problem.line}, column ${problem.column}: ${problem.message}`;
}

/** The offending line with a caret under the column, clipped to `width` characters. */
export function pointAtJsonProblem(text: string, problem: JsonProblem, width = 60): string {
  const lineText = text.split('\n')[problem.line - 1] ?? '';
  const col = problem.column - 1;
  const start = Math.max(0, Math.min(col - Math.floor(width / 2), lineText.length - width));
  const shown = lineText.slice(start, start + width).replace(/\t/g, ' ');
  return `${shown}\n${' '.repeat(col - start)}^`;
}

type Expect = 'value' | 'value-or-close' | 'key' | 'key-or-close' | 'colon' | 'comma-or-close' | 'end';

class Failure {
  constructor(
    readonly offset: number,
    readonly message: string,
  ) {}
}

/** Walks the text with an explicit stack (no recursion, so deep nesting cannot overflow). */
export function locateJsonProblem(text: string): JsonProblem {
  const found = scan(text);
  const offset = found?.offset ?? text.length;
  const message = found?.message ?? 'not valid JSON';
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return { offset, line, column: offset - lineStart + 1, message };
}

function scan(text: string): Failure | null {
  const stack: string[] = [];
  let expect: Expect = 'value';
  let i = 0;
  const after = (): Expect => (stack.length === 0 ? 'end' : 'comma-or-close');
  try {
    // Bounded: every pass moves i forward or ends the scan.
    for (;;) {
      i = skipSpace(text, i);
      if (i >= text.length) {
        if (expect === 'end') return null;
        return new Failure(i, text.trim() === '' ? 'empty input; expected a JSON value' : `the text ended; ${expected(expect, stack)}`);
      }
      const c = text[i] as string;
      switch (expect) {
        case 'value':
        case 'value-or-close':
          if (c === ']' && expect === 'value-or-close') {
            stack.pop();
            i++;
            expect = after();
          } else if (c === '{' || c === '[') {
            stack.push(c);
            i++;
            expect = c === '{' ? 'key-or-close' : 'value-or-close';
          } else {
            i = scanScalar(text, i, c, stack);
            expect = after();
          }
          break;
        case 'key':
        case 'key-or-close':
          if (c === '}' && expect === 'key-or-close') {
            stack.pop();
            i++;
            expect = after();
          } else if (c === '"') {
            i = scanString(text, i);
            expect = 'colon';
          } else if (c === '}') {
            throw new Failure(i, "trailing comma before '}'");
          } else {
            throw new Failure(i, `unexpected ${show(c)}; expected a property name in double quotes`);
          }
          break;
        case 'colon':
          if (c !== ':') throw new Failure(i, `unexpected ${show(c)}; expected ':' after the property name`);
          i++;
          expect = 'value';
          break;
        case 'comma-or-close': {
          const close = stack[stack.length - 1] === '{' ? '}' : ']';
          if (c === ',') {
            i++;
            expect = close === '}' ? 'key' : 'value';
          } else if (c === close) {
            stack.pop();
            i++;
            expect = after();
          } else {
            throw new Failure(i, `unexpected ${show(c)}; expected ',' or '${close}'`);
          }
          break;
        }
        case 'end':
          throw new Failure(i, `unexpected ${show(c)} after the end of the JSON value`);
      }
    }
  } catch (error) {
    if (error instanceof Failure) return error;
    throw error;
  }
}

function expected(expect: Expect, stack: readonly string[]): string {
  switch (expect) {
    case 'value':
    case 'value-or-close':
      return 'expected a value';
    case 'key':
    case 'key-or-close':
      return 'expected a property name';
    case 'colon':
      return "expected ':'";
    default:
      return `expected ',' or '${stack[stack.length - 1] === '{' ? '}' : ']'}'`;
  }
}

function scanScalar(text: string, i: number, c: string, stack: readonly string[]): number {
  if (c === '"') return scanString(text, i);
  if (c === '-' || (c >= '0' && c <= '9')) return scanNumber(text, i);
  for (const literal of ['true', 'false', 'null']) {
    if (text.startsWith(literal, i)) return i + literal.length;
  }
  if (c === ']' && stack[stack.length - 1] === '[') throw new Failure(i, "trailing comma before ']'");
  if (c === "'") throw new Failure(i, 'strings need double quotes, not single quotes');
  throw new Failure(i, `unexpected ${show(c)}; expected a value`);
}

function scanString(text: string, start: number): number {
  for (let j = start + 1; j < text.length; j++) {
    const code = text.charCodeAt(j);
    if (code === 0x22) return j + 1;
    if (code < 0x20) throw new Failure(j, 'control character inside a string (escape it)');
    if (code === 0x5c) {
      const next = text[j + 1];
      if (next === 'u') {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(j + 2, j + 6))) throw new Failure(j, 'bad \\u escape (needs 4 hex digits)');
        j += 5;
      } else if (next !== undefined && '"\\/bfnrt'.includes(next)) {
        j++;
      } else {
        throw new Failure(j, 'invalid escape in a string');
      }
    }
  }
  throw new Failure(start, 'unterminated string');
}

function scanNumber(text: string, start: number): number {
  let j = start;
  if (text[j] === '-') j++;
  if (text[j] === '0') j++;
  else if (isDigit(text[j])) while (isDigit(text[j])) j++;
  else throw new Failure(j, 'a number needs digits');
  if (text[j] === '.') {
    j++;
    if (!isDigit(text[j])) throw new Failure(j, 'a number needs digits after the decimal point');
    while (isDigit(text[j])) j++;
  }
  if (text[j] === 'e' || text[j] === 'E') {
    j++;
    if (text[j] === '+' || text[j] === '-') j++;
    if (!isDigit(text[j])) throw new Failure(j, 'a number needs digits in the exponent');
    while (isDigit(text[j])) j++;
  }
  return j;
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

function skipSpace(text: string, i: number): number {
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) break;
    i++;
  }
  return i;
}

function show(c: string): string {
  const code = c.charCodeAt(0);
  return code < 0x20 ? `control character 0x${code.toString(16).padStart(2, '0')}` : `'${c}'`;
}
