// What a served file is called on the wire: its extension, its media type (from mime-types),
// and whether a browser shows it (HTML, inline) or saves it (everything else, as an attachment).
import { extname } from 'node:path';
import { contentType } from 'mime-types';
import { contentDisposition } from '@mths/response-builders';

const HTML_TYPE = 'text/html; charset=utf-8';
const FALLBACK_TYPE = 'application/octet-stream';

/** Lower-case extension without the dot; '' for none (`README`, `.env`, `name.`). */
export function extensionOf(fileName: string): string {
  const ext = extname(fileName);
  return ext.length <= 1 ? '' : ext.slice(1).toLowerCase();
}

/**
 * Content-Type (and Content-Disposition) for a file. HTML pages are shown inline; every other
 * type is offered as a download under its own name, so a browser never renders user-supplied
 * text or images as part of this site.
 */
export function contentHeadersFor(fileName: string): Array<[string, string]> {
  const ext = extensionOf(fileName);
  if (ext === 'html' || ext === 'htm') return [['Content-Type', HTML_TYPE]];
  const type = (ext === '' ? false : contentType(ext)) || FALLBACK_TYPE;
  return [
    ['Content-Type', type],
    ['Content-Disposition', contentDisposition('attachment', fileName)],
  ];
}
