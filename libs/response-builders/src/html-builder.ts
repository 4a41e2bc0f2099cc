// Small, tidy HTML pages (error pages and simple listings) in which every piece of caller text
// and every attribute is escaped, and links keep only safe schemes.
import { defaultErrorSentence } from './error-sentences';
import { ResponseBuilderError } from './errors';
import { escapeHtml } from './escape-html';
import { safeHref } from './safe-href';
import { assertStatus, reasonFor } from './status-reasons';

export interface HtmlLink {
  href: string;
  text: string;
}

export type HeadingLevel = 1 | 2 | 3 | 4 | 5 | 6;

export interface HtmlBuilderOptions {
  /** `lang` attribute of <html>; defaults to `en`. */
  lang?: string;
}

const STYLE =
  'body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;line-height:1.5}';

function anchor(link: HtmlLink): string {
  return `<a href="${escapeHtml(safeHref(link.href))}">${escapeHtml(link.text)}</a>`;
}

// Default error pages never change, so each is built once.
const errorPageCache = new Map<number, string>();

export class HtmlBuilder {
  private readonly title: string;
  private readonly lang: string;
  private readonly blocks: string[] = [];

  constructor(title: string, options: HtmlBuilderOptions = {}) {
    this.title = title;
    this.lang = options.lang ?? 'en';
  }

  /** `<!DOCTYPE html>` page titled "404 Not Found" with that h1 and one sentence. */
  static errorPage(status: number, reason?: string, sentence?: string): string {
    assertStatus(status);
    const isDefault = reason === undefined && sentence === undefined;
    const cached = isDefault ? errorPageCache.get(status) : undefined;
    if (cached !== undefined) return cached;
    const heading = `${status} ${reason ?? (reasonFor(status) || 'Error')}`;
    const text = sentence ?? defaultErrorSentence(status);
    const page = new HtmlBuilder(heading).heading(heading);
    if (text !== '') page.paragraph(text);
    const html = page.toString();
    if (isDefault) errorPageCache.set(status, html);
    return html;
  }

  heading(text: string, level: HeadingLevel = 1): this {
    if (!Number.isInteger(level) || level < 1 || level > 6) {
      throw new ResponseBuilderError('RB_INVALID_HEADING_LEVEL', String(level));
    }
    this.blocks.push(`<h${level}>${escapeHtml(text)}</h${level}>`);
    return this;
  }

  paragraph(text: string): this {
    this.blocks.push(`<p>${escapeHtml(text)}</p>`);
    return this;
  }

  /** A paragraph holding one link; the text defaults to the href. Unsafe hrefs become `#`. */
  link(href: string, text: string = href): this {
    this.blocks.push(`<p>${anchor({ href, text })}</p>`);
    return this;
  }

  /** A bulleted list of plain text items and/or links. */
  list(items: ReadonlyArray<string | HtmlLink>): this {
    const lines = items.map((item) => `<li>${typeof item === 'string' ? escapeHtml(item) : anchor(item)}</li>`);
    this.blocks.push(['<ul>', ...lines, '</ul>'].join('\n'));
    return this;
  }

  toString(): string {
    return [
      '<!DOCTYPE html>',
      `<html lang="${escapeHtml(this.lang)}">`,
      '<head>',
      '<meta charset="utf-8">',
      '<meta name="viewport" content="width=device-width, initial-scale=1">',
      `<title>${escapeHtml(this.title)}</title>`,
      `<style>${STYLE}</style>`,
      '</head>',
      '<body>',
      ...this.blocks,
      '</body>',
      '</html>',
      '',
    ].join('\n');
  }

  /** The page as UTF-8 bytes, ready to send with `text/html; charset=utf-8`. */
  toBuffer(): Buffer {
    return Buffer.from(this.toString(), 'utf8');
  }
}
