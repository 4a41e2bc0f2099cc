// Pretty-prints a JSON body with colours. Numbers keep the exact digits the server sent (the
// reviver's source text), so 2^53+1 or 1.10 are not silently rounded or reformatted.
import type { ChalkInstance } from 'chalk';

class RawNumber {
  constructor(readonly source: string) {}
}

type ReviverContext = { source?: string };

/** Parses with exact number text; undefined when the text is not JSON. */
export function parseJsonExact(text: string): { value: unknown } | undefined {
  try {
    const reviver = (_key: string, value: unknown, context?: ReviverContext): unknown =>
      typeof value === 'number' && context?.source !== undefined ? new RawNumber(context.source) : value;
    return { value: JSON.parse(text, reviver as (key: string, value: unknown) => unknown) };
  } catch {
    return undefined;
  }
}

/** Deeper than this and the body is printed as received rather than risk the stack. */
const MAX_DEPTH = 256;

class TooDeep {}

export function renderJson(value: unknown, c: ChalkInstance, indent = 2): string | undefined {
  const out: string[] = [];
  try {
    write(value, 0);
  } catch (error) {
    if (error instanceof TooDeep) return undefined;
    throw error;
  }
  return out.join('');

  function write(v: unknown, depth: number): void {
    if (depth > MAX_DEPTH) throw new TooDeep();
    if (v === null) out.push(c.gray('null'));
    else if (v instanceof RawNumber) out.push(c.yellow(v.source));
    else if (typeof v === 'number') out.push(c.yellow(String(v)));
    else if (typeof v === 'boolean') out.push(c.magenta(String(v)));
    else if (typeof v === 'string') out.push(c.green(JSON.stringify(v)));
    else if (Array.isArray(v)) writeList(v, depth);
    else if (typeof v === 'object') writeObject(v as Record<string, unknown>, depth);
  }

  function writeList(list: readonly unknown[], depth: number): void {
    if (list.length === 0) {
      out.push('[]');
      return;
    }
    const pad = ' '.repeat((depth + 1) * indent);
    out.push('[\n');
    list.forEach((item, i) => {
      out.push(pad);
      write(item, depth + 1);
      out.push(i < list.length - 1 ? ',\n' : '\n');
    });
    out.push(`${' '.repeat(depth * indent)}]`);
  }

  function writeObject(object: Record<string, unknown>, depth: number): void {
    const keys = Object.keys(object);
    if (keys.length === 0) {
      out.push('{}');
      return;
    }
    const pad = ' '.repeat((depth + 1) * indent);
    out.push('{\n');
    keys.forEach((key, i) => {
      out.push(`${pad}${c.blue(JSON.stringify(key))}: `);
      write(object[key], depth + 1);
      out.push(i < keys.length - 1 ? ',\n' : '\n');
    });
    out.push(`${' '.repeat(depth * indent)}}`);
  }
}
