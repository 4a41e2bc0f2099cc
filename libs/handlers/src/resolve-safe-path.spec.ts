// Path safety: decoding once and refusing traversal (RFC 3986 §2.1 percent-encoding, §3.3 dot
// segments), then realpath containment against symlinks, on a real folder.
import { mkdir, realpath, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { HandlerError, type HandlerErrorCode } from './errors';
import { decodeRequestPath, isInside, resolveSafePath } from './resolve-safe-path';
import { makeServedFolder, type ServedFolder } from './testing/requests';

function refusal(run: () => unknown): HandlerErrorCode | 'none' {
  try {
    run();
    return 'none';
  } catch (error) {
    if (error instanceof HandlerError) return error.code;
    throw error;
  }
}

describe('decodeRequestPath', () => {
  it.each([
    ['/', '/'],
    ['/hello.txt', '/hello.txt'],
    ['/sub/', '/sub/'],
    ['/caf%C3%A9.txt', '/café.txt'],
    ['/100%25.txt', '/100%.txt'], // a lone % after decoding is a plain character
    ['/a%2fb.txt', '/a/b.txt'], // %2F decodes to a separator, then is checked like one
    ['/...', '/...'], // three dots is an ordinary name
    ['/.well-known/x.txt', '/.well-known/x.txt'],
  ])('%s decodes to %s', (raw, decoded) => {
    expect(decodeRequestPath(raw)).toBe(decoded);
  });

  it.each<[string, HandlerErrorCode]>([
    ['/../etc/passwd', 'HND_FORBIDDEN_PATH'],
    ['/..', 'HND_FORBIDDEN_PATH'],
    ['/a/../../', 'HND_FORBIDDEN_PATH'],
    ['/a/..', 'HND_FORBIDDEN_PATH'],
    ['/./hello.txt', 'HND_FORBIDDEN_PATH'], // dot segments are refused, not normalised
    ['/a/.', 'HND_FORBIDDEN_PATH'],
    ['/%2e%2e/', 'HND_FORBIDDEN_PATH'],
    ['/%2E%2E/etc/passwd', 'HND_FORBIDDEN_PATH'],
    ['/.%2e/', 'HND_FORBIDDEN_PATH'],
    ['/..%2f', 'HND_FORBIDDEN_PATH'],
    ['/..%2fsecret.key', 'HND_FORBIDDEN_PATH'],
    ['/%2e%2e%5c', 'HND_FORBIDDEN_PATH'], // ..\ : backslash
    ['/a\\b', 'HND_FORBIDDEN_PATH'],
    ['/%5c..%5cwin.ini', 'HND_FORBIDDEN_PATH'],
    ['/%00', 'HND_FORBIDDEN_PATH'],
    ['/hello.txt%00.html', 'HND_FORBIDDEN_PATH'],
    ['/a%0d%0aSet-Cookie:x', 'HND_FORBIDDEN_PATH'],
    ['/a%7f', 'HND_FORBIDDEN_PATH'],
    ['/a%c2%85', 'HND_FORBIDDEN_PATH'], // U+0085, a C1 control
    ['//etc/passwd', 'HND_FORBIDDEN_PATH'],
    ['/a//b', 'HND_FORBIDDEN_PATH'],
    ['/dir//', 'HND_FORBIDDEN_PATH'],
    ['/%2fetc/passwd', 'HND_FORBIDDEN_PATH'],
    ['/%252e%252e/', 'HND_DOUBLE_ENCODING'],
    ['/%25%32%65', 'HND_DOUBLE_ENCODING'],
    ['/%c0%ae%c0%ae/', 'HND_INVALID_UTF8_PATH'], // overlong '.'
    ['/%ff', 'HND_INVALID_UTF8_PATH'],
    ['/%ed%a0%80', 'HND_INVALID_UTF8_PATH'], // a lone surrogate
    ['/C:/x', 'HND_DRIVE_LETTER'],
    ['/c:', 'HND_DRIVE_LETTER'],
    ['/C%3a/windows/win.ini', 'HND_DRIVE_LETTER'],
    ['/%zz', 'HND_INVALID_PERCENT_ENCODING'],
    ['/%2', 'HND_INVALID_PERCENT_ENCODING'],
    ['/a%', 'HND_INVALID_PERCENT_ENCODING'],
    ['hello.txt', 'HND_INVALID_TARGET'],
    ['', 'HND_INVALID_TARGET'],
  ])('%s is refused with %s', (raw, code) => {
    expect(refusal(() => decodeRequestPath(raw))).toBe(code);
  });
});

describe('isInside', () => {
  it.each([
    ['/srv/www', '/srv/www', true],
    ['/srv/www', '/srv/www/a.txt', true],
    ['/srv/www', '/srv/www-evil/a.txt', false], // a shared prefix is not containment
    ['/srv/www', '/srv', false],
    ['/', '/etc/passwd', true],
  ])('root %s, path %s -> %s', (root, path, inside) => {
    expect(isInside(root, path)).toBe(inside);
  });
});

describe('resolveSafePath on a real folder', () => {
  let folder: ServedFolder;
  let realRoot: string;

  beforeAll(async () => {
    folder = await makeServedFolder();
    realRoot = await realpath(folder.root);
  });
  afterAll(() => folder.cleanup());

  async function outcome(decoded: string): Promise<string> {
    try {
      const { realPath } = await resolveSafePath(realRoot, decoded);
      return realPath.slice(realRoot.length);
    } catch (error) {
      if (error instanceof HandlerError) return error.code;
      throw error;
    }
  }

  it.each([
    ['/', '/index.html'],
    ['/hello.txt', '/hello.txt'],
    ['/sub', '/sub/index.html'],
    ['/sub/', '/sub/index.html'],
    ['/inside-link.txt', '/hello.txt'], // a symlink inside the root is followed
    ['/missing.txt', 'HND_NOT_FOUND'],
    ['/hello.txt/', 'HND_NOT_FOUND'], // ENOTDIR
    ['/missing/x.txt', 'HND_NOT_FOUND'],
    ['/empty-dir/', 'HND_NOT_FOUND'], // a folder without index.html
    ['/escape.txt', 'HND_OUTSIDE_ROOT'], // symlink to a file outside
    ['/escape-dir/secret.txt', 'HND_OUTSIDE_ROOT'], // through a symlinked folder
    ['/escape-dir/', 'HND_OUTSIDE_ROOT'],
  ])('%s -> %s', async (decoded, expected) => {
    expect(await outcome(decoded)).toBe(expected);
  });

  it('refuses a root whose own index.html links outside', async () => {
    await mkdir(join(folder.root, 'trap'));
    await symlink(join(folder.outside, 'index.html'), join(folder.root, 'trap', 'index.html'));
    expect(await outcome('/trap/')).toBe('HND_OUTSIDE_ROOT');
  });
});
