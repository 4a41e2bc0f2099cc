import { BodyAccumulator } from './body-accumulator';

describe('BodyAccumulator', () => {
  it('is empty before anything arrives', () => {
    expect(new BodyAccumulator(Infinity).bytes().length).toBe(0);
  });

  it('joins pieces in order, byte for byte', () => {
    const body = new BodyAccumulator(Infinity);
    const pieces = ['{"a":', '1', ',"b":[', '2,3]}'];
    for (const piece of pieces) body.append(Buffer.from(piece));
    expect(body.bytes().toString()).toBe(pieces.join(''));
  });

  it('keeps its own copy: a socket read reused after the call changes nothing', () => {
    const body = new BodyAccumulator(Infinity);
    const read = Buffer.from('first');
    body.append(read.subarray(0, 5));
    read.fill('X');
    expect(body.bytes().toString()).toBe('first');
  });

  it('takes a body of a million 1-byte pieces as one Buffer, in linear time', () => {
    const body = new BodyAccumulator(Infinity);
    const one = Buffer.from('x');
    for (let i = 0; i < 1_000_000; i++) body.append(one);
    const bytes = body.bytes();
    expect(bytes.length).toBe(1_000_000);
    expect(bytes.every((byte) => byte === 0x78)).toBe(true);
    expect(body.capacity).toBeLessThan(2_000_000);
  });

  it('never allocates past its maxLength (a declared Content-Length or the body limit)', () => {
    const body = new BodyAccumulator(300);
    body.append(Buffer.alloc(200, 'a'));
    body.append(Buffer.alloc(100, 'b'));
    expect(body.capacity).toBe(300);
    expect(body.bytes().toString()).toBe('a'.repeat(200) + 'b'.repeat(100));
  });

  it('stops doubling at maxLength, so a body at the limit costs the limit', () => {
    const body = new BodyAccumulator(1000);
    for (let i = 0; i < 10; i++) body.append(Buffer.alloc(100, i));
    expect(body.length).toBe(1000);
    expect(body.capacity).toBe(1000);
  });
});
