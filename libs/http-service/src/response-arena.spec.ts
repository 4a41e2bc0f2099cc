import { ResponseArena } from './response-arena';

describe('ResponseArena', () => {
  it('gives responses of one turn separate bytes, and reuses them once all are released', () => {
    const arena = new ResponseArena(1024);
    const a = arena.take(100).fill(1);
    const b = arena.take(200).fill(2);
    expect(a.buffer).toBe(b.buffer);
    expect(b.byteOffset).toBe(a.byteOffset + 100);
    expect(a.every((byte) => byte === 1)).toBe(true);
    arena.release(false);
    arena.release(false);
    const c = arena.take(50);
    expect(c.buffer).toBe(a.buffer);
    expect(c.byteOffset).toBe(a.byteOffset);
  });

  it('does not reuse memory while any response taken from it is live', () => {
    const arena = new ResponseArena(1024);
    const a = arena.take(100);
    arena.release(false);
    const b = arena.take(100);
    const c = arena.take(100);
    arena.release(false);
    const d = arena.take(100);
    expect(b.byteOffset).toBe(a.byteOffset);
    expect(d.byteOffset).toBe(c.byteOffset + 100);
  });

  it('leaves memory a socket still refers to alone and starts a new slab', () => {
    const arena = new ResponseArena(1024);
    const kept = arena.take(100).fill(7);
    arena.release(true);
    const next = arena.take(100).fill(9);
    expect(next.buffer).not.toBe(kept.buffer);
    expect(kept.every((byte) => byte === 7)).toBe(true);
    arena.release(false);
    expect(arena.take(10).buffer).toBe(next.buffer);
  });

  it('moves to a new slab when one is full, leaving the live responses in the old one', () => {
    const arena = new ResponseArena(256);
    const first = arena.take(200).fill(1);
    const second = arena.take(100).fill(2);
    expect(second.buffer).not.toBe(first.buffer);
    expect(first.every((byte) => byte === 1)).toBe(true);
  });

  it('gives a response larger than a slab a Buffer of its own', () => {
    const arena = new ResponseArena(256);
    const small = arena.take(10);
    const large = arena.take(1000);
    expect(large.length).toBe(1000);
    expect(large.buffer).not.toBe(small.buffer);
  });
});
