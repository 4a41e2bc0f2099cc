// The REPL's guided form: method, path or URL, headers one per line, and for POST/PUT a body
// typed as JSON (checked before it is accepted, with the error's position) or read from a file.
import { statSync } from 'node:fs';
import { METHODS, type Method } from './config';
import type { HeaderPair } from './header-line';
import { headerLineProblem, parseHeaderLine } from './header-line';
import { REDACTED, isRedacted } from './history';
import { checkJson, describeJsonProblem, pointAtJsonProblem } from './json-check';
import type { Prompts } from './prompts';
import type { BodySource, RequestSpec } from './request-spec';
import { resolveTarget } from './url-target';

/** A form never asks for more headers than this, however long someone keeps typing. */
const MAX_FORM_HEADERS = 64;

const BODY_METHODS: readonly Method[] = ['POST', 'PUT'];

export interface FormDefaults {
  readonly method: Method;
  readonly url: string;
}

export async function askRequest(prompts: Prompts, base: URL, defaults: FormDefaults): Promise<RequestSpec> {
  const method = await prompts.select<Method>({
    message: 'Method',
    choices: METHODS.map((m) => ({ name: m, value: m })),
    default: defaults.method,
  });
  const url = await prompts.input({ message: `Path or URL (relative to ${base.origin})`, default: defaults.url, validate: urlProblem(base) });
  const headers: HeaderPair[] = [];
  while (headers.length < MAX_FORM_HEADERS) {
    const line = await prompts.input({ message: 'Header (Name: value, Enter when done)', validate: optionalHeader });
    if (line.trim() === '') break;
    headers.push(parseHeaderLine(line));
  }
  const body = BODY_METHODS.includes(method) ? await askBody(prompts) : undefined;
  return { method, url: url.trim(), headers, ...(body ? { body } : {}) };
}

async function askBody(prompts: Prompts): Promise<BodySource | undefined> {
  const kind = await prompts.select<'none' | 'json' | 'file'>({
    message: 'Body',
    choices: [
      { name: 'JSON, typed here', value: 'json' },
      { name: 'a file', value: 'file' },
      { name: 'none', value: 'none' },
    ],
    default: 'json',
  });
  if (kind === 'none') return undefined;
  if (kind === 'json') return { kind: 'json', text: await prompts.input({ message: 'JSON', validate: jsonProblem }) };
  return { kind: 'file', path: (await prompts.input({ message: 'File', validate: fileProblem })).trim() };
}

/** Secret values the history file did not keep are asked for again (empty drops the header). */
export async function restoreSecrets(prompts: Prompts, spec: RequestSpec): Promise<RequestSpec> {
  if (!spec.headers.some(([, value]) => isRedacted(value))) return spec;
  const headers: HeaderPair[] = [];
  for (const [name, value] of spec.headers) {
    if (!isRedacted(value)) {
      headers.push([name, value]);
      continue;
    }
    const hint = value === REDACTED ? '' : ` (was ${value})`;
    const answer = await prompts.password({ message: `${name}${hint}; Enter to leave it out` });
    if (answer.trim() !== '') headers.push([name, answer.trim()]);
  }
  return { ...spec, headers };
}

export function jsonProblem(text: string): true | string {
  const check = checkJson(text);
  if (check.ok) return true;
  return `invalid JSON at ${describeJsonProblem(check.problem)}\n${pointAtJsonProblem(text, check.problem)}`;
}

function urlProblem(base: URL): (text: string) => true | string {
  return (text) => {
    try {
      resolveTarget(text, base);
      return true;
    } catch (error) {
      return (error as Error).message;
    }
  };
}

function optionalHeader(line: string): true | string {
  return line.trim() === '' ? true : (headerLineProblem(line) ?? true);
}

function fileProblem(path: string): true | string {
  try {
    return statSync(path.trim()).isFile() ? true : `${path} is not a file`;
  } catch (error) {
    return `cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? error}`;
  }
}
