// Public face of @mths/response-builders: response and request heads, HTML pages and JSON
// error bodies, shared by both servers and the client. Everything it throws is a
// ResponseBuilderError with a stable `code` (see errors.ts): bad input here is a programming error.
//
// Cold path, any response:
//   new HttpResponseBuilder(404).contentType('text/html; charset=utf-8').contentLength(n)
//     .close().toBuffer()                       // status line + headers + Date + Server + CRLF
//
// Hot path, small static files (the fixed part is cached per file, finished per request):
//   const fixed = HttpResponseBuilder.fixedHead(200, [['Content-Type', 'text/plain; charset=utf-8'],
//     ['Content-Length', 20]]);                 // status line + headers + Server, no blank line
//   const conn = keepAliveHeaders(5, 100);      // or CLOSE_HEADERS; preformatted and cached
//   socket.write(finishHead(fixed, conn, body)); // + Date + connection lines + CRLF (+ body): one Buffer
//
// Client:
//   requestHead('GET', '/', { Accept: '*/*' }, { host: 'localhost:8080' })

export { RESPONSE_BUILDER_ERRORS, ResponseBuilderError, type ResponseBuilderErrorCode } from './errors';
export { STATUS_REASONS, reasonFor } from './status-reasons';
export { canonicalHeaderName } from './header-casing';
export { isToken } from './header-validation';
export type { HeaderInput } from './header-list';
export { httpDate, httpDateLine } from './http-date';
export {
  CLOSE_HEADERS,
  connectionHeaders,
  keepAliveHeaders,
  type ConnectionHeaders,
  type KeepAliveOptions,
} from './connection-headers';
export { contentDisposition, encodeExtValue } from './content-disposition';
export { DEFAULT_SERVER, HttpResponseBuilder, type ResponseBuilderOptions } from './http-response-builder';
export { finishHead, type FixedHead, type ResponseAllocator } from './finish-head';
export { HttpRequestBuilder, requestHead, type HttpVersion, type RequestHeadOptions } from './http-request-builder';
export { escapeHtml } from './escape-html';
export { safeHref } from './safe-href';
export { DEFAULT_ERROR_SENTENCES, defaultErrorSentence } from './error-sentences';
export { HtmlBuilder, type HeadingLevel, type HtmlBuilderOptions, type HtmlLink } from './html-builder';
export { jsonError } from './json-error';
