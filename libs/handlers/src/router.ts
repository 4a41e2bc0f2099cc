// The whole request -> result logic: Host and target checks, then GET/HEAD to the static files,
// POST /upload to the upload store, 404/405 for the rest. Every refusal or failure becomes a
// ready-made error result (JSON for /upload) and is reported through onError.
import { realpathSync, statSync } from 'node:fs';
import { resultForCode } from './error-results';
import { HandlerError, type HandlerErrorCode } from './errors';
import { HostAllowList, checkHost } from './host-allow-list';
import { normaliseOptions, type HandlerOptions, type NormalisedOptions } from './options';
import { isOriginForm, parseAbsoluteTarget, pathOf } from './request-target';
import { decodeRequestPath } from './resolve-safe-path';
import { StaticFiles } from './static-files';
import { createUpload, uploadBody } from './upload-handler';
import { UploadStore } from './upload-store';
import type { Handler, HttpRequest, HttpResult } from './types';

const UPLOAD_PATH = '/upload';

function isUrl(target: string): boolean {
  return target.includes('://');
}

function realRootOf(root: string): string {
  let real: string;
  try {
    real = realpathSync(root);
  } catch (error) {
    throw new HandlerError('HND_INVALID_OPTIONS', { detail: `root ${root} cannot be resolved`, cause: error });
  }
  if (!statSync(real).isDirectory()) throw new HandlerError('HND_INVALID_OPTIONS', { detail: `root ${root} is not a folder` });
  return real;
}

/** `/upload`, also when spelled with escapes (`/uplo%61d`); the query does not matter. */
function isUploadPath(originForm: string): boolean {
  const path = pathOf(originForm);
  if (path === UPLOAD_PATH) return true;
  if (!path.includes('%')) return false;
  try {
    return decodeRequestPath(path) === UPLOAD_PATH;
  } catch {
    // An undecodable path is simply not /upload: the answer is 404 like any other.
    return false;
  }
}

export class Router {
  /** The Handler, bound once so the connection can call it without a closure per request. */
  readonly handle: Handler;
  readonly files: StaticFiles;
  readonly uploads: UploadStore;
  private readonly options: NormalisedOptions;
  private readonly hosts: HostAllowList;

  constructor(options: HandlerOptions) {
    this.options = normaliseOptions(options);
    this.hosts = new HostAllowList(this.options.allowedHosts);
    this.files = new StaticFiles(realRootOf(this.options.root), this.options);
    this.uploads = new UploadStore(this.options.uploadsDir);
    this.handle = (request) => this.route(request);
  }

  private route(request: HttpRequest): HttpResult | Promise<HttpResult> {
    const head = request.head;
    const method = head.method;
    const isHead = method === 'HEAD';
    const servable = isHead || method === 'GET' || method === 'POST';
    let upload = false;
    try {
      let originForm = head.target;
      let authority: string | null = null;
      if (!isOriginForm(originForm)) {
        if (isUrl(originForm)) {
          const absolute = parseAbsoluteTarget(originForm);
          originForm = absolute.originForm;
          authority = absolute.authority;
        } else if (servable) {
          // `*` and authority-form belong to OPTIONS and CONNECT, which get 405 below.
          return this.refuse('HND_INVALID_TARGET', request, false, isHead);
        }
      }
      const hostRefusal = checkHost(head, authority, this.hosts);
      if (hostRefusal !== null) return this.refuse(hostRefusal, request, false, isHead);
      if (method === 'GET' || isHead) {
        const result = this.files.serve(originForm, isHead);
        return result instanceof Promise ? this.settle(result, request, false, isHead) : result;
      }
      if (method === 'POST') {
        if (!isUploadPath(originForm)) return this.refuse('HND_NOT_FOUND', request, false, false);
        upload = true;
        return this.settle(createUpload(this.uploads, uploadBody(request)), request, true, false);
      }
      return this.refuse('HND_METHOD_NOT_ALLOWED', request, false, false);
    } catch (error) {
      return this.fail(error, request, upload, isHead);
    }
  }

  private async settle(pending: Promise<HttpResult>, request: HttpRequest, json: boolean, head: boolean): Promise<HttpResult> {
    try {
      return await pending;
    } catch (error) {
      return this.fail(error, request, json, head);
    }
  }

  // Anything not a HandlerError is a bug or an unexpected fs failure: 500, with the original as cause.
  private fail(error: unknown, request: HttpRequest, json: boolean, head: boolean): HttpResult {
    const known = error instanceof HandlerError ? error : new HandlerError('HND_INTERNAL', { cause: error });
    this.options.onError?.(known, request);
    return resultForCode(known.code, json, head);
  }

  private refuse(code: HandlerErrorCode, request: HttpRequest, json: boolean, head: boolean): HttpResult {
    if (this.options.onError !== undefined) this.options.onError(new HandlerError(code), request);
    return resultForCode(code, json, head);
  }
}

/** The request -> result function for both servers; throws HND_INVALID_OPTIONS for bad options or a missing root. */
export function createRouter(options: HandlerOptions): Handler {
  return new Router(options).handle;
}
