// Public face of @mths/handlers: the router both servers call for every request (static GET/HEAD,
// POST /upload, Host and path checks), the ready-made error results the connection loop reuses,
// and the one error catalogue.
//
//   const handle = createRouter({ ...DEFAULT_HANDLER_OPTIONS, root, uploadsDir,
//     allowedHosts: allowedHostsFor(host, port, extraNames), onError: (e) => warn(e) });
//   const result = handle(request);  // HttpResult, or a Promise of one on a cache miss or upload

export { DEFAULT_ALLOWED_EXTENSIONS, DEFAULT_HANDLER_OPTIONS, type HandlerOptions } from './options';
export { createRouter, Router } from './router';
export { allowedHostsFor, isValidHost } from './host-allow-list';
export { ALLOW_HEADER, errorResult, resultForCode, serviceUnavailable, type ErrorResultOptions } from './error-results';
export { HANDLER_ERRORS, HandlerError, type HandlerErrorCode } from './errors';
export { UPLOAD_NAME_PATTERN, uploadName } from './upload-store';
export { removeTempsOfGoneProcesses, removeTempsOfThread } from './upload-temp-files';
export * from './types';
