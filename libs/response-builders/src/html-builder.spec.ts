import fc from 'fast-check';
import { DEFAULT_ERROR_SENTENCES } from './error-sentences';
import { escapeHtml } from './escape-html';
import { HtmlBuilder, type HeadingLevel } from './html-builder';
import { safeHref } from './safe-href';

const DANGEROUS = `<script>alert("x" & 'y')</script>`;
const DANGEROUS_ESCAPED = '&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;';

const bodyOf = (html: string): string => html.slice(html.indexOf('<body>\n') + 7, html.indexOf('</body>'));

describe('escapeHtml', () => {
  it.each([
    ['&', '&amp;'],
    ['<', '&lt;'],
    ['>', '&gt;'],
    ['"', '&quot;'],
    ["'", '&#39;'],
    ['&amp;', '&amp;amp;'],
    [DANGEROUS, DANGEROUS_ESCAPED],
    ['plain text é 日本', 'plain text é 日本'],
    ['', ''],
  ])('%j -> %j', (input, expected) => {
    expect(escapeHtml(input)).toBe(expected);
  });

  it('leaves no raw special character and loses nothing, for any text', () => {
    const unescape = (s: string): string =>
      s.replace(/&(amp|lt|gt|quot|#39);/g, (_m, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e] as string);
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (text) => {
        const escaped = escapeHtml(text);
        expect(escaped).toMatch(/^(?:[^&<>"']|&(?:amp|lt|gt|quot|#39);)*$/u);
        expect(unescape(escaped)).toBe(text);
      }),
      { numRuns: 300 },
    );
  });
});

describe('safeHref', () => {
  it.each([
    ['https://example.com/a?b=c#d', 'https://example.com/a?b=c#d'],
    ['http://127.0.0.1:8080/', 'http://127.0.0.1:8080/'],
    ['HTTPS://EXAMPLE.COM', 'HTTPS://EXAMPLE.COM'],
    ['mailto:someone@example.com', 'mailto:someone@example.com'],
    ['/about.html', '/about.html'],
    ['about.html', 'about.html'],
    ['../up', '../up'],
    ['?q=a:b', '?q=a:b'],
    ['#top', '#top'],
    ['//cdn.example.com/x', '//cdn.example.com/x'],
    ['/path/with:colon', '/path/with:colon'],
    ['  /trimmed  ', '/trimmed'],
    ['', ''],
    ['javascript:alert(1)', '#'],
    ['JaVaScRiPt:alert(1)', '#'],
    ['  javascript:alert(1)', '#'],
    ['java\tscript:alert(1)', '#'],
    ['java\nscript:alert(1)', '#'],
    ['\u0001javascript:alert(1)', '#'],
    // A relative URL with a fragment as written; HtmlBuilder escapes the & so it never decodes to a tab.
    ['jav&#x09;ascript:alert(1)', 'jav&#x09;ascript:alert(1)'],
    ['data:text/html,<script>alert(1)</script>', '#'],
    ['DATA:image/png;base64,AAAA', '#'],
    ['vbscript:msgbox(1)', '#'],
    ['file:///etc/passwd', '#'],
    ['ftp://example.com', '#'],
  ])('%j -> %j', (href, expected) => {
    expect(safeHref(href)).toBe(expected);
  });
});

describe('HtmlBuilder.errorPage', () => {
  it('is a small page titled and headed "404 Not Found" with one sentence', () => {
    const html = HtmlBuilder.errorPage(404);
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">\n')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('<title>404 Not Found</title>');
    expect(bodyOf(html)).toBe('<h1>404 Not Found</h1>\n<p>The requested resource was not found on this server.</p>\n');
    expect(html.endsWith('</html>\n')).toBe(true);
  });

  it.each([400, 403, 404, 405, 408, 413, 414, 415, 431, 500, 503, 505])('has a default sentence for %d', (status) => {
    const sentence = DEFAULT_ERROR_SENTENCES[status] as string;
    expect(sentence).toMatch(/^[A-Z].*\.$/);
    expect(HtmlBuilder.errorPage(status)).toContain(`<p>${escapeHtml(sentence)}</p>`);
  });

  it.each([
    [418, '418 Error', 'The request could not be completed.'],
    [599, '599 Error', 'The server could not complete the request.'],
    [501, '501 Not Implemented', 'The server could not complete the request.'],
  ])('falls back for %d', (status, heading, sentence) => {
    expect(bodyOf(HtmlBuilder.errorPage(status))).toBe(`<h1>${heading}</h1>\n<p>${sentence}</p>\n`);
  });

  it('escapes a custom reason and sentence everywhere they appear', () => {
    const html = HtmlBuilder.errorPage(400, DANGEROUS, DANGEROUS);
    expect(html).toContain(`<title>400 ${DANGEROUS_ESCAPED}</title>`);
    expect(bodyOf(html)).toBe(`<h1>400 ${DANGEROUS_ESCAPED}</h1>\n<p>${DANGEROUS_ESCAPED}</p>\n`);
    expect(html).not.toContain('<script');
  });

  it('omits the paragraph for an empty sentence and returns the same page for the same default', () => {
    expect(bodyOf(HtmlBuilder.errorPage(404, 'Gone Away', ''))).toBe('<h1>404 Gone Away</h1>\n');
    expect(HtmlBuilder.errorPage(503)).toBe(HtmlBuilder.errorPage(503));
  });

  it('refuses an invalid status', () => {
    expect(() => HtmlBuilder.errorPage(42)).toThrow(expect.objectContaining({ code: 'RB_INVALID_STATUS' }));
  });
});

describe('HtmlBuilder pages', () => {
  it('builds a tidy page in call order', () => {
    const html = new HtmlBuilder('Files')
      .heading('Files')
      .paragraph('Pick one.')
      .link('/about.html', 'About')
      .list(['plain', { href: '/hello.txt', text: 'hello.txt' }])
      .heading('More', 2)
      .toString();
    expect(html).toContain('<title>Files</title>');
    expect(bodyOf(html)).toBe(
      [
        '<h1>Files</h1>',
        '<p>Pick one.</p>',
        '<p><a href="/about.html">About</a></p>',
        '<ul>',
        '<li>plain</li>',
        '<li><a href="/hello.txt">hello.txt</a></li>',
        '</ul>',
        '<h2>More</h2>',
        '',
      ].join('\n'),
    );
  });

  it('escapes every text and attribute', () => {
    const html = new HtmlBuilder(DANGEROUS, { lang: '"><script>' })
      .heading(DANGEROUS)
      .paragraph(DANGEROUS)
      .link(`/x"onmouseover='alert(1)'`, DANGEROUS)
      .list([DANGEROUS, { href: '/a?b=1&c=<2>', text: DANGEROUS }])
      .toString();
    expect(html).not.toContain('<script');
    expect(html).toContain('<html lang="&quot;&gt;&lt;script&gt;">');
    expect(html).toContain(`<title>${DANGEROUS_ESCAPED}</title>`);
    expect(html).toContain(`<a href="/x&quot;onmouseover=&#39;alert(1)&#39;">${DANGEROUS_ESCAPED}</a>`);
    expect(html).toContain(`<li><a href="/a?b=1&amp;c=&lt;2&gt;">${DANGEROUS_ESCAPED}</a></li>`);
  });

  it.each(['javascript:alert(1)', 'data:text/html,x', ' JAVASCRIPT:x', 'java\tscript:x'])(
    'neutralises href %j to #',
    (href) => {
      const html = new HtmlBuilder('t').link(href, 'x').list([{ href, text: 'y' }]).toString();
      expect(bodyOf(html)).toBe('<p><a href="#">x</a></p>\n<ul>\n<li><a href="#">y</a></li>\n</ul>\n');
    },
  );

  it('escapes character references in hrefs so they cannot rebuild a scheme', () => {
    expect(bodyOf(new HtmlBuilder('t').link('jav&#x09;ascript:alert(1)', 'x').toString())).toBe(
      '<p><a href="jav&amp;#x09;ascript:alert(1)">x</a></p>\n',
    );
  });

  it('uses the href as link text by default, escaped', () => {
    expect(bodyOf(new HtmlBuilder('t').link('/a&b').toString())).toBe('<p><a href="/a&amp;b">/a&amp;b</a></p>\n');
  });

  it.each([0, 7, 1.5])('refuses heading level %d', (level) => {
    expect(() => new HtmlBuilder('t').heading('x', level as HeadingLevel)).toThrow(
      expect.objectContaining({ code: 'RB_INVALID_HEADING_LEVEL' }),
    );
  });

  it('gives UTF-8 bytes from toBuffer()', () => {
    const page = new HtmlBuilder('é').paragraph('日本');
    expect(page.toBuffer().equals(Buffer.from(page.toString(), 'utf8'))).toBe(true);
  });
});
