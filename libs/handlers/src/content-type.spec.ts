// Media types (RFC 9110 §8.3) and dispositions (RFC 6266 §4) per file name.
import { contentHeadersFor, extensionOf } from './content-type';

describe('extensionOf', () => {
  it.each([
    ['a.txt', 'txt'],
    ['A.PNG', 'png'],
    ['archive.tar.gz', 'gz'],
    ['README', ''],
    ['.env', ''],
    ['name.', ''],
  ])('%s -> %j', (name, ext) => {
    expect(extensionOf(name)).toBe(ext);
  });
});

describe('contentHeadersFor', () => {
  it.each<[string, string, string | undefined]>([
    ['index.html', 'text/html; charset=utf-8', undefined],
    ['PAGE.HTML', 'text/html; charset=utf-8', undefined],
    ['old.htm', 'text/html; charset=utf-8', undefined],
    ['hello.txt', 'text/plain; charset=utf-8', 'attachment; filename="hello.txt"'],
    ['logo.png', 'image/png', 'attachment; filename="logo.png"'],
    ['photo.jpg', 'image/jpeg', 'attachment; filename="photo.jpg"'],
    ['photo.jpeg', 'image/jpeg', 'attachment; filename="photo.jpeg"'],
    ['data.json', 'application/json; charset=utf-8', 'attachment; filename="data.json"'],
    ['blob.unknownext', 'application/octet-stream', 'attachment; filename="blob.unknownext"'],
    ['say "hi".txt', 'text/plain; charset=utf-8', 'attachment; filename="say \\"hi\\".txt"'],
    ['résumé.txt', 'text/plain; charset=utf-8', `attachment; filename="resume.txt"; filename*=UTF-8''r%C3%A9sum%C3%A9.txt`],
  ])('%s -> %s, %s', (name, type, disposition) => {
    const headers = new Map(contentHeadersFor(name));
    expect(headers.get('Content-Type')).toBe(type);
    expect(headers.get('Content-Disposition')).toBe(disposition);
  });
});
