import fc from 'fast-check';
import { contentDisposition, encodeExtValue } from './content-disposition';
import { invalidValueIndex } from './header-validation';

describe('contentDisposition (RFC 6266)', () => {
  it.each([
    ['plain ASCII', 'attachment', 'hello.txt', 'attachment; filename="hello.txt"'],
    ['inline type', 'inline', 'about.html', 'inline; filename="about.html"'],
    ['spaces kept in the quoted form', 'attachment', 'my file.txt', 'attachment; filename="my file.txt"'],
    ['double quotes escaped', 'attachment', 'say "hi".txt', 'attachment; filename="say \\"hi\\".txt"'],
    ['backslash escaped', 'attachment', 'a\\b.txt', 'attachment; filename="a\\\\b.txt"'],
    ['CR LF replaced', 'attachment', 'a\r\nSet-Cookie: x.txt', 'attachment; filename="a__Set-Cookie: x.txt"'],
    ['NUL, tab and DEL replaced', 'attachment', 'a\0b\tc\u007f.txt', 'attachment; filename="a_b_c_.txt"'],
    ['ASCII % and \' need no filename*', 'attachment', "100%'s.txt", 'attachment; filename="100%\'s.txt"'],
    [
      'accented letter: stripped fallback + filename*',
      'attachment',
      'report é.txt',
      "attachment; filename=\"report e.txt\"; filename*=UTF-8''report%20%C3%A9.txt",
    ],
    [
      'CJK: _ fallback + filename*',
      'attachment',
      '日本.txt',
      "attachment; filename=\"__.txt\"; filename*=UTF-8''%E6%97%A5%E6%9C%AC.txt",
    ],
    [
      'astral char is one _ and four bytes',
      'attachment',
      '😀.png',
      "attachment; filename=\"_.png\"; filename*=UTF-8''%F0%9F%98%80.png",
    ],
    [
      'quote and non-ASCII together',
      'attachment',
      'a"é.txt',
      "attachment; filename=\"a\\\"e.txt\"; filename*=UTF-8''a%22%C3%A9.txt",
    ],
    [
      'control char and non-ASCII: controls never reach filename*',
      'attachment',
      'é\n.txt',
      "attachment; filename=\"e_.txt\"; filename*=UTF-8''%C3%A9_.txt",
    ],
    [
      'C1 control replaced',
      'attachment',
      'a\u0085b',
      'attachment; filename="a_b"',
    ],
  ])('%s', (_name, type, filename, expected) => {
    expect(contentDisposition(type, filename)).toBe(expected);
  });

  it.each([undefined, ''])('is just the type without a filename (%j)', (filename) => {
    expect(contentDisposition('attachment', filename)).toBe('attachment');
    expect(contentDisposition('inline', filename)).toBe('inline');
  });

  it.each(['', 'attach ment', 'inline;', 'a"b', 'x\r\n'])('refuses type %j', (type) => {
    expect(() => contentDisposition(type, 'a.txt')).toThrow(expect.objectContaining({ code: 'RB_INVALID_DISPOSITION' }));
  });
});

describe('encodeExtValue (RFC 8187 §3.2.1)', () => {
  it.each([
    ['attr-chars stay literal', "!#$&+-.^_`|~09AZaz", "UTF-8''!#$&+-.^_`|~09AZaz"],
    ['everything else is %XX, upper-case hex', ' "%\'()*,/:;<=>?@[\\]{}', "UTF-8''%20%22%25%27%28%29%2A%2C%2F%3A%3B%3C%3D%3E%3F%40%5B%5C%5D%7B%7D"],
    ['UTF-8 bytes', 'é€', "UTF-8''%C3%A9%E2%82%AC"],
  ])('%s', (_name, text, expected) => {
    expect(encodeExtValue(text)).toBe(expected);
  });
});

describe('contentDisposition properties', () => {
  const unquote = (quoted: string): string => quoted.replace(/\\(.)/g, '$1');
  const shape = /^attachment; filename="((?:[^"\\]|\\.)*)"(?:; filename\*=UTF-8''([A-Za-z0-9!#$&+\-.^_`|~%]*))?$/;

  it('is always a valid header value whose parts decode back to the (control-free) name', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }), (name) => {
        const value = contentDisposition('attachment', name);
        expect(invalidValueIndex(value)).toBe(-1);
        const match = shape.exec(value);
        expect(match).not.toBeNull();
        const [, quoted, ext] = match as RegExpExecArray;
        const fallback = unquote(quoted as string);
        expect(fallback).toMatch(/^[\x20-\x7e]*$/);
        const clean = name.replace(/[\u0000-\u001f\u007f-\u009f]/g, '_');
        if (ext === undefined) expect(fallback).toBe(clean);
        else expect(decodeURIComponent(ext)).toBe(clean);
      }),
      { numRuns: 300 },
    );
  });
});
