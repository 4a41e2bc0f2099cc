// The interactive session: reads a command, runs it, prints the answer, and keeps the agent
// (so one kept connection per origin) and the history for the whole session.
import { writeFile } from 'node:fs/promises';
import type { ChalkInstance } from 'chalk';
import type { Agent } from './agent';
import type { ClientResponse } from './client-response';
import type { Method } from './config';
import { ClientError } from './errors';
import { findFlatHeader } from './header-line';
import type { History, HistoryEntry } from './history';
import { prepareRequest } from './prepare-request';
import { isPromptExit, type Prompts } from './prompts';
import { parseReplLine, REPL_HELP, type ReplCommand } from './repl-commands';
import { askRequest, jsonProblem, restoreSecrets } from './repl-form';
import { renderResponse, summariseBytes, type Screen } from './render-response';
import { describeSpec, type RequestSpec } from './request-spec';
import { parseBaseUrl } from './url-target';

export interface ReplDeps {
  readonly prompts: Prompts;
  readonly out: { write(text: string): unknown };
  readonly colours: ChalkInstance;
  readonly screen: () => Screen;
  readonly agent: Agent;
  readonly history: History;
  readonly base: URL;
}

/** `.history` lists at most this many entries, the newest last. */
const HISTORY_SHOWN = 20;
/** A session ends by itself after this many commands, so no loop is unbounded. */
const MAX_COMMANDS = 1_000_000;

export class ReplSession {
  private base: URL;
  private last: ClientResponse | null = null;
  private lastMethod: Method = 'GET';
  private lastUrl = '/';
  private historyWarned = false;

  constructor(private readonly deps: ReplDeps) {
    this.base = deps.base;
  }

  get lastResponse(): ClientResponse | null {
    return this.last;
  }

  async run(): Promise<void> {
    const c = this.deps.colours;
    this.print(`${c.bold('http-client')} · base ${this.base.href} · Enter for a guided request, ${c.bold('.help')} for commands`);
    try {
      for (let i = 0; i < MAX_COMMANDS; i++) {
        let line: string;
        try {
          line = await this.deps.prompts.input({ message: `${this.base.host}>` });
        } catch (error) {
          if (isPromptExit(error)) break;
          throw error;
        }
        if (!(await this.handle(line))) break;
      }
    } finally {
      this.deps.agent.close();
    }
  }

  /** Runs one command line; false when the session should end. */
  async handle(line: string): Promise<boolean> {
    try {
      return await this.dispatch(parseReplLine(line));
    } catch (error) {
      if (isPromptExit(error)) return true; // Ctrl-C inside a sub-question cancels that command only
      if (!(error instanceof ClientError)) throw error;
      this.print(this.deps.colours.red(`✖ ${error.message}`));
      return true;
    }
  }

  private async dispatch(command: ReplCommand): Promise<boolean> {
    const c = this.deps.colours;
    switch (command.kind) {
      case 'quit':
        return false;
      case 'help':
        this.print(REPL_HELP);
        return true;
      case 'unknown':
        this.print(c.yellow(command.reason));
        return true;
      case 'base':
        if (command.url !== undefined) this.base = parseBaseUrl(command.url);
        this.print(`base ${this.base.href}`);
        return true;
      case 'save':
        await this.save(command.file);
        return true;
      case 'history':
        await this.pickFromHistory();
        return true;
      case 'repeat':
        await this.repeat(command.number);
        return true;
      case 'form':
        await this.send(await askRequest(this.deps.prompts, this.base, { method: this.lastMethod, url: this.lastUrl }));
        return true;
      case 'quick': {
        if (command.json !== undefined) {
          const problem = jsonProblem(command.json);
          if (problem !== true) {
            this.print(c.red(problem));
            return true;
          }
        }
        const body = command.json === undefined ? {} : { body: { kind: 'json' as const, text: command.json } };
        await this.send({ method: command.method, url: command.url, headers: [], ...body });
        return true;
      }
    }
  }

  private async send(spec: RequestSpec): Promise<void> {
    const c = this.deps.colours;
    const request = await prepareRequest(spec, this.base);
    this.remember(request.spec);
    this.lastMethod = spec.method;
    this.lastUrl = request.target.url.origin === this.base.origin ? request.target.path : request.target.url.href;
    this.print(c.dim(`→ ${request.method} ${request.target.url.href}`));
    const response = await this.deps.agent.send(request);
    this.last = response;
    this.print(renderResponse(response, c, this.deps.screen()));
  }

  private remember(spec: RequestSpec): void {
    try {
      this.deps.history.add(spec);
    } catch (error) {
      if (!(error instanceof ClientError) || this.historyWarned) return;
      this.historyWarned = true; // once per session: the requests themselves still work
      this.print(this.deps.colours.yellow(`warning: ${error.message}`));
    }
  }

  private async pickFromHistory(): Promise<void> {
    const entries = this.deps.history.list();
    if (entries.length === 0) {
      this.print('no requests yet');
      return;
    }
    const first = Math.max(0, entries.length - HISTORY_SHOWN);
    if (first > 0) this.print(this.deps.colours.dim(`(${first} older entries not shown)`));
    for (let i = first; i < entries.length; i++) this.print(`${String(i + 1).padStart(4)}  ${describeEntry(entries[i] as HistoryEntry)}`);
    const choices = [{ name: '(back)', value: 0 }];
    for (let i = entries.length - 1; i >= first; i--) {
      choices.push({ name: `${i + 1}  ${describeSpec(entries[i] as HistoryEntry, 70)}`, value: i + 1 });
    }
    const number = await this.deps.prompts.select<number>({ message: 'Send one again?', choices, default: 0 });
    if (number > 0) await this.repeat(number);
  }

  private async repeat(number: number): Promise<void> {
    const history = this.deps.history;
    const entry = number === -1 ? history.list()[history.list().length - 1] : history.get(number);
    if (entry === undefined) {
      this.print(this.deps.colours.yellow(number === -1 ? 'no requests yet' : `no history entry ${number}`));
      return;
    }
    const { at: _at, ...spec } = entry;
    await this.send(await restoreSecrets(this.deps.prompts, spec));
  }

  private async save(file: string): Promise<void> {
    const last = this.last;
    if (last === null) {
      this.print(this.deps.colours.yellow('nothing to save yet: send a request first'));
      return;
    }
    try {
      await writeFile(file, last.body);
    } catch (error) {
      throw new ClientError('CLIENT_OUTPUT_FAILED', `cannot write ${file}: ${(error as NodeJS.ErrnoException).code ?? error}`, { cause: error });
    }
    this.print(`saved ${summariseBytes(last.body, findFlatHeader(last.head.headers, 'content-type'))} to ${file}`);
  }

  private print(text: string): void {
    this.deps.out.write(`${text}\n`);
  }
}

function describeEntry(entry: HistoryEntry): string {
  return `${entry.at.slice(0, 19).replace('T', ' ')}  ${describeSpec(entry, 90)}`;
}
