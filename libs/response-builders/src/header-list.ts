// An ordered list of checked, canonically cased header fields, shared by the response and
// request builders, that can measure itself and write itself into a Buffer as latin1.
import { canonicalHeaderName } from './header-casing';
import { assertHeaderName, fieldValue } from './header-validation';

/** Headers as callers hand them over: pairs (order kept, repeats allowed) or a plain record. */
export type HeaderInput =
  | Iterable<readonly [string, string | number]>
  | Readonly<Record<string, string | number>>;

export function headerEntries(input: HeaderInput): Iterable<readonly [string, string | number]> {
  return Symbol.iterator in input
    ? (input as Iterable<readonly [string, string | number]>)
    : Object.entries(input as Readonly<Record<string, string | number>>);
}

export class HeaderList {
  private readonly names: string[] = [];
  private readonly keys: string[] = [];
  private readonly values: string[] = [];

  /** Sets a field, replacing earlier ones of that name in place (the first keeps its position). */
  set(name: string, value: string | number): void {
    const [canonical, key, checked] = this.check(name, value);
    const at = this.keys.indexOf(key);
    if (at === -1) {
      this.push(canonical, key, checked);
      return;
    }
    this.values[at] = checked;
    this.removeFrom(key, at + 1);
  }

  /** Adds a field after any of the same name (Set-Cookie, Vary, ...). */
  append(name: string, value: string | number): void {
    const [canonical, key, checked] = this.check(name, value);
    this.push(canonical, key, checked);
  }

  has(name: string): boolean {
    return this.keys.includes(name.toLowerCase());
  }

  count(name: string): number {
    const key = name.toLowerCase();
    let n = 0;
    for (const k of this.keys) if (k === key) n++;
    return n;
  }

  get(name: string): string | undefined {
    const at = this.keys.indexOf(name.toLowerCase());
    return at === -1 ? undefined : this.values[at];
  }

  delete(name: string): void {
    this.removeFrom(name.toLowerCase(), 0);
  }

  /** `[Canonical-Name, value]` pairs in wire order. */
  entries(): Array<[string, string]> {
    return this.names.map((name, i) => [name, this.values[i] as string]);
  }

  /** Bytes the `Name: value\r\n` lines take, skipping the field named by `skipKey` (lower-case). */
  byteLength(skipKey?: string): number {
    let total = 0;
    for (let i = 0; i < this.keys.length; i++) {
      if (this.keys[i] === skipKey) continue;
      total += (this.names[i] as string).length + (this.values[i] as string).length + 4;
    }
    return total;
  }

  /** Writes the lines at `offset` and returns the offset after them. */
  writeTo(target: Buffer, offset: number, skipKey?: string): number {
    let at = offset;
    for (let i = 0; i < this.keys.length; i++) {
      if (this.keys[i] === skipKey) continue;
      at += target.write(this.names[i] as string, at, 'latin1');
      target[at++] = 0x3a; // ':'
      target[at++] = 0x20;
      at += target.write(this.values[i] as string, at, 'latin1');
      target[at++] = 0x0d;
      target[at++] = 0x0a;
    }
    return at;
  }

  private check(name: string, value: string | number): [string, string, string] {
    assertHeaderName(name);
    const canonical = canonicalHeaderName(name);
    return [canonical, name.toLowerCase(), fieldValue(canonical, value)];
  }

  private push(canonical: string, key: string, value: string): void {
    this.names.push(canonical);
    this.keys.push(key);
    this.values.push(value);
  }

  private removeFrom(key: string, start: number): void {
    for (let i = this.keys.length - 1; i >= start; i--) {
      if (this.keys[i] !== key) continue;
      this.names.splice(i, 1);
      this.keys.splice(i, 1);
      this.values.splice(i, 1);
    }
  }
}
