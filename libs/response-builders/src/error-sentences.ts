// The one-sentence explanation an error page shows when the caller gives none.

export const DEFAULT_ERROR_SENTENCES: Readonly<Record<number, string>> = Object.freeze({
  400: 'The server could not understand the request.',
  403: 'You do not have permission to access this resource.',
  404: 'The requested resource was not found on this server.',
  405: 'The request method is not allowed for this resource.',
  408: 'The server timed out waiting for the request.',
  413: 'The request body is larger than the server accepts.',
  414: 'The request target is longer than the server accepts.',
  415: 'The media type is not supported by this server.',
  431: 'The request header fields are larger than the server accepts.',
  500: 'The server met an internal error and could not complete the request.',
  503: 'The server is temporarily unable to handle the request; please try again later.',
  505: 'The server does not support the HTTP version of the request.',
});

/** The listed sentence, or a generic one for the status class. */
export function defaultErrorSentence(status: number): string {
  const listed = DEFAULT_ERROR_SENTENCES[status];
  if (listed !== undefined) return listed;
  if (status >= 500) return 'The server could not complete the request.';
  if (status >= 400) return 'The request could not be completed.';
  return '';
}
