// What a line typed at the REPL's prompt means. Pure parsing, so every form is easy to test.
import { isMethod, type Method } from './config';

export type ReplCommand =
  /** Empty line: the guided form (method, URL, headers, body). */
  | { readonly kind: 'form' }
  /** `GET /path`, `post /upload {"a":1}`, or just `/path` (a GET). */
  | { readonly kind: 'quick'; readonly method: Method; readonly url: string; readonly json: string | undefined }
  | { readonly kind: 'history' }
  | { readonly kind: 'repeat'; readonly number: number }
  | { readonly kind: 'save'; readonly file: string }
  | { readonly kind: 'base'; readonly url: string | undefined }
  | { readonly kind: 'help' }
  | { readonly kind: 'quit' }
  | { readonly kind: 'unknown'; readonly reason: string };

export const REPL_HELP = [
  'Enter             guided request: method, path or URL, headers, body',
  'GET /path         quick request (any method; a full URL works too)',
  'POST /upload {..} quick request with an inline JSON body',
  '/path             same as GET /path',
  '.history         list earlier requests and pick one to send again',
  '!N               send history entry N again (!! for the last one)',
  'save <file>       save the last response body to a file',
  '.base [url]       show or change the base URL for relative paths',
  '.help            this list;  .exit (or Ctrl-D) leaves',
].join('\n');

export function parseReplLine(line: string): ReplCommand {
  const text = line.trim();
  if (text === '') return { kind: 'form' };
  const space = text.search(/\s/);
  const word = space === -1 ? text : text.slice(0, space);
  const rest = space === -1 ? '' : text.slice(space).trim();
  switch (word.toLowerCase()) {
    case '.history':
    case 'history':
      return { kind: 'history' };
    case '.help':
    case 'help':
    case '?':
      return { kind: 'help' };
    case '.exit':
    case '.quit':
    case 'exit':
    case 'quit':
      return { kind: 'quit' };
    case '.base':
      return { kind: 'base', url: rest === '' ? undefined : rest };
    case 'save':
    case '.save':
      return rest === '' ? { kind: 'unknown', reason: 'save needs a file name: save <file>' } : { kind: 'save', file: rest };
  }
  if (word === '!!') return { kind: 'repeat', number: -1 };
  if (word.startsWith('!')) {
    const number = Number(word.slice(1));
    return Number.isInteger(number) && number > 0 ? { kind: 'repeat', number } : { kind: 'unknown', reason: `"${word}" is not !N` };
  }
  if (word.startsWith('/') || /^https?:\/\//i.test(word)) {
    return { kind: 'quick', method: 'GET', url: word, json: rest === '' ? undefined : rest };
  }
  const method = word.toUpperCase();
  if (isMethod(method)) {
    if (rest === '') return { kind: 'quick', method, url: '/', json: undefined };
    const gap = rest.search(/\s/);
    const url = gap === -1 ? rest : rest.slice(0, gap);
    const json = gap === -1 ? undefined : rest.slice(gap).trim();
    return { kind: 'quick', method, url, json };
  }
  return { kind: 'unknown', reason: `unknown command "${word}" (.help lists the commands)` };
}
