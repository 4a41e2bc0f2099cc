// Turns a RequestSpec into bytes: resolves the URL, reads and checks the body, fills in the
// headers a careful client sends (Host, User-Agent, Accept, Content-Type, Content-Length), and
// builds the head with the shared request builder.
import { readFile } from 'node:fs/promises';
import { lookup as mimeLookup } from 'mime-types';
import { ResponseBuilderError, requestHead } from '@mths/response-builders';
import { CLIENT_DEFAULTS } from './config';
import { ClientError } from './errors';
import type { HeaderPair } from './header-line';
import { findHeader } from './header-line';
import { checkJson, describeJsonProblem } from './json-check';
import type { BodySource, RequestSpec } from './request-spec';
import { settleSpec } from './request-spec';
import type { Target } from './url-target';
import { resolveTarget } from './url-target';

export interface PreparedRequest {
  /** The spec with an absolute URL, as the history keeps it. */
  readonly spec: RequestSpec;
  readonly target: Target;
  readonly method: string;
  readonly head: Buffer;
  readonly body: Buffer | null;
}

interface LoadedBody {
  readonly bytes: Buffer;
  readonly contentType: string;
}

/** Methods whose requests mean something with content: they always carry Content-Length. */
const CONTENT_METHODS = new Set(['POST', 'PUT']);

export async function prepareRequest(spec: RequestSpec, base?: URL): Promise<PreparedRequest> {
  const target = resolveTarget(spec.url, base);
  const settled = settleSpec(spec, target);
  const body = spec.body === undefined ? null : await loadBody(spec.body);
  const headers: HeaderPair[] = [];
  const add = (name: string, value: string): void => {
    if (findHeader(settled.headers, name) === undefined) headers.push([name, value]);
  };
  add('User-Agent', CLIENT_DEFAULTS.userAgent);
  add('Accept', spec.body?.kind === 'json' ? 'application/json, */*;q=0.5' : '*/*');
  if (body !== null) add('Content-Type', body.contentType);
  headers.push(...settled.headers.filter(([name]) => name.toLowerCase() !== 'host'));
  const contentLength = body !== null ? body.bytes.length : CONTENT_METHODS.has(spec.method) ? 0 : undefined;
  const host = findHeader(settled.headers, 'host') ?? target.hostHeader;
  let head: Buffer;
  try {
    head = requestHead(spec.method, target.path, headers, contentLength === undefined ? { host } : { host, contentLength });
  } catch (error) {
    if (error instanceof ResponseBuilderError) throw new ClientError('CLIENT_BAD_HEADER', error.message, { cause: error });
    throw error;
  }
  return { spec: settled, target, method: spec.method, head, body: body?.bytes ?? null };
}

async function loadBody(source: BodySource): Promise<LoadedBody> {
  switch (source.kind) {
    case 'json': {
      const check = checkJson(source.text);
      if (!check.ok) throw new ClientError('CLIENT_BAD_JSON', `invalid JSON at ${describeJsonProblem(check.problem)}`);
      return { bytes: Buffer.from(source.text, 'utf8'), contentType: 'application/json' };
    }
    case 'data':
      return { bytes: Buffer.from(source.text, 'utf8'), contentType: 'text/plain; charset=utf-8' };
    case 'file': {
      let bytes: Buffer;
      try {
        bytes = await readFile(source.path);
      } catch (error) {
        const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
        throw new ClientError('CLIENT_BODY_FILE', `cannot read body file ${source.path}: ${reason}`, { cause: error });
      }
      const type = mimeLookup(source.path);
      return { bytes, contentType: type === false ? 'application/octet-stream' : withCharset(type) };
    }
  }
}

/** mime-types gives `application/json`; text types get their charset spelled out. */
function withCharset(type: string): string {
  return type.startsWith('text/') ? `${type}; charset=utf-8` : type;
}
