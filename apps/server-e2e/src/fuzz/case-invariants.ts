// What must hold for every fuzz case, whatever the bytes: the server closes in time after
// complete, parseable HTTP/1.1 responses, one per request it read (in order), each with an
// allowed status, Date, Server and an exact Content-Length, right file bytes, no secret.
import type { CollectedMessage } from '@mths/http-parser';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { sha256, type FixtureSite } from '../harness/fixture-site';
import type { Response } from '../harness/response';
import { ALLOWED_STATUSES } from './fuzz-limits';
import { parseResponses } from './parse-responses';
import { describeRequest, referenceRequests } from './reference-requests';
import { UPLOAD_NAME, uploadFileProblem, type UploadLedger } from './upload-ledger';
import type { RenderedCase } from './request-model';
import type { Exchange } from './send-case';

const PASSWD = /root:[^:\n]*:0:0:/;

/** The fixture file a GET target names, if a plain decoding finds one (the server may know more names). */
export function fileFor(target: string, files: ReadonlyMap<string, Buffer>): Buffer | undefined {
  let path = target;
  const scheme = path.indexOf('://');
  if (scheme >= 0) {
    const slash = path.indexOf('/', scheme + 3);
    path = slash < 0 ? '/' : path.slice(slash);
  }
  const query = path.indexOf('?');
  if (query >= 0) path = path.slice(0, query);
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return undefined;
  }
  if (!decoded.startsWith('/') || decoded.includes('..') || decoded.includes('\\') || decoded.includes('\0')) return undefined;
  let relative = decoded.slice(1);
  if (relative === '' || relative.endsWith('/')) relative += 'index.html';
  return files.get(relative) ?? files.get(`${relative}/index.html`);
}

/** Date, Server, Connection and exactly one exact Content-Length (SPEC §3 Connections). */
function checkHeaders(response: Response, head: boolean, where: string, problems: string[]): void {
  if (response.version !== 'HTTP/1.1') problems.push(`${where}: version ${response.version}, not HTTP/1.1`);
  if (!ALLOWED_STATUSES.has(response.status)) problems.push(`${where}: status ${response.status} is not one SPEC §3 allows here`);
  if (Number.isNaN(Date.parse(response.header('date') ?? ''))) problems.push(`${where}: no valid Date`);
  if (!/\S/.test(response.header('server') ?? '')) problems.push(`${where}: no Server`);
  const lengths = response.headers.get('content-length') ?? [];
  if (lengths.length !== 1 || !/^\d+$/.test(lengths[0]!)) problems.push(`${where}: Content-Length ${JSON.stringify(lengths)}, not exactly one number`);
  else if (!head && Number(lengths[0]) !== response.bodyLength) problems.push(`${where}: Content-Length ${lengths[0]} but ${response.bodyLength} body bytes`);
  if (response.headers.has('transfer-encoding')) problems.push(`${where}: Transfer-Encoding ${response.header('transfer-encoding')}`);
  const connection = response.header('connection')?.toLowerCase();
  if (connection !== 'close' && connection !== 'keep-alive') problems.push(`${where}: Connection ${JSON.stringify(connection)}`);
  if (connection === 'keep-alive' && !/^timeout=\d+, max=\d+$/.test(response.header('keep-alive') ?? '')) problems.push(`${where}: keep-alive without Keep-Alive: timeout, max`);
  if (response.status >= 400 && !/^(text\/html|application\/json)\b/i.test(response.header('content-type') ?? '')) {
    problems.push(`${where}: error with Content-Type ${JSON.stringify(response.header('content-type'))}, not an HTML or JSON page`);
  }
}

/** A 200 carries exactly the named file (any fixture file when the name is not plain); a 201 stored exactly the body. */
function checkSemantics(response: Response, request: CollectedMessage, site: FixtureSite, ledger: UploadLedger, where: string, problems: string[]): void {
  const { method, target } = request.head;
  if (response.status === 200) {
    if (method !== 'GET' && method !== 'HEAD') return void problems.push(`${where}: 200 to ${method}`);
    const named = fileFor(target, site.files);
    const candidates = named === undefined ? [...site.files.values()] : [named];
    const matches = method === 'HEAD'
      ? candidates.some((file) => String(file.length) === response.header('content-length'))
      : candidates.some((file) => file.length === response.bodyLength && sha256(file) === response.sha256);
    if (!matches) problems.push(`${where}: 200 whose ${method === 'HEAD' ? 'Content-Length' : 'body'} is not ${named === undefined ? 'any fixture file' : 'the named file'}`);
  } else if (response.status === 201) {
    if (method !== 'POST') return void problems.push(`${where}: 201 to ${method}`);
    const location = response.header('location') ?? '';
    const name = basename(location);
    if (location !== `/uploads/${name}` || !UPLOAD_NAME.test(name)) return void problems.push(`${where}: 201 with Location ${JSON.stringify(location)}`);
    if (ledger.announced.has(name)) problems.push(`${where}: upload name ${name} given twice`);
    ledger.announced.add(name);
    let stored: Buffer;
    try {
      stored = readFileSync(join(site.uploads, name));
    } catch (error) {
      return void problems.push(`${where}: 201 but ${name} cannot be read: ${(error as Error).message}`);
    }
    if (!stored.equals(request.body)) problems.push(`${where}: ${name} holds ${stored.length} bytes, not the ${request.body.length} sent`);
    const invalid = uploadFileProblem(site.uploads, name);
    if (invalid !== null) problems.push(`${where}: ${name} is not valid JSON: ${invalid}`);
    try {
      const answer = JSON.parse(response.body.toString('utf8')) as { status?: unknown; filepath?: unknown };
      if (answer.status !== 'success' || answer.filepath !== location) problems.push(`${where}: 201 body ${response.body.toString('utf8')}`);
    } catch {
      problems.push(`${where}: 201 body is not JSON`);
    }
  } else if (response.status === 405 && response.header('allow') === undefined) {
    problems.push(`${where}: 405 without Allow`);
  }
}

export interface CaseReport {
  /** Every invariant that broke; empty when all hold. */
  readonly problems: readonly string[];
  /** Statuses of the responses, in order (for the run's summary). */
  readonly statuses: readonly number[];
}

/** Checks every invariant of one case. */
export function checkCase(sent: RenderedCase, exchange: Exchange, site: FixtureSite, ledger: UploadLedger): CaseReport {
  const problems: string[] = [];
  if (!exchange.closed) problems.push(`the server did not close within ${Math.round(exchange.closeMs)} ms of the half-close`);
  if (exchange.errorCode !== null) problems.push(`socket error ${exchange.errorCode} (the server reset instead of closing)`);
  const raw = exchange.received.toString('latin1');
  if (raw.includes(site.secret)) problems.push('a response holds the secret from outside the root');
  if (PASSWD.test(raw)) problems.push('a response holds /etc/passwd');

  const reference = referenceRequests(sent.bytes, sent.writes);
  const parsed = parseResponses(exchange.received, reference.requests.map((request) => request.head.method));
  if (parsed.error !== null) problems.push(`the bytes received are not complete HTTP/1.1 responses: ${parsed.error.code} after ${parsed.responses.length} response(s)`);

  // One response per complete request, in order, until one says close; then the parse error's own.
  let expected = reference.requests.length;
  let closedEarly = false;
  for (let i = 0; i < parsed.responses.length; i++) {
    const response = parsed.responses[i]!;
    const request = reference.requests[i];
    const where = `response #${i + 1} (${response.status}, to ${request === undefined ? 'the malformed rest' : describeRequest(request)})`;
    checkHeaders(response, request?.head.method === 'HEAD', where, problems);
    const closes = response.header('connection')?.toLowerCase() === 'close';
    if (request !== undefined) {
      if (!request.head.keepAlive && !closes) problems.push(`${where}: the request does not keep the connection alive, the response does not say close`);
      checkSemantics(response, request, site, ledger, where, problems);
    } else if (reference.error !== null && i === reference.requests.length) {
      if (!reference.errorStatuses.has(response.status)) {
        problems.push(`${where}: status ${response.status} for ${reference.error.code}, SPEC says ${[...reference.errorStatuses].join(' or ')}`);
      }
      if (!closes) problems.push(`${where}: the error response does not say close`);
    }
    if (closes) {
      expected = i + 1;
      closedEarly = true;
      break;
    }
  }
  if (!closedEarly && reference.error !== null) expected++;
  if (parsed.responses.length !== expected) {
    const why = reference.error === null ? (reference.partial ? ' (then an unfinished request)' : '') : ` then ${reference.error.code}`;
    problems.push(`${parsed.responses.length} response(s) for ${reference.requests.length} complete request(s)${why}; expected ${expected}`);
  }
  for (const name of site.listUploads()) if (!UPLOAD_NAME.test(name)) problems.push(`uploads/ holds ${name}`);
  return { problems, statuses: parsed.responses.map((response) => response.status) };
}
