// The fuzz property against one running server: generate a case, send it on a fresh socket,
// check every invariant; on failure, fast-check's shrunk case is reported as the exact bytes
// sent (JSON-escaped, one string per write) with what came back and how to replay it.
import fc from 'fast-check';
import type { ServerProcess } from '../harness/server-process';
import { checkCase } from './case-invariants';
import type { UploadLedger } from './upload-ledger';
import { CASE_BOUND_MS } from './fuzz-limits';
import type { FuzzSettings } from './fuzz-settings';
import { fuzzCaseArb } from './request-arbitraries';
import { renderCase, type FuzzCase } from './request-model';
import { sendCase } from './send-case';

const RECEIVED_PREVIEW_CHARS = 4000;

/** Bytes as a JSON string of their latin1 reading: every byte visible and replayable. */
export function jsonBytes(bytes: Buffer): string {
  return JSON.stringify(bytes.toString('latin1'));
}

class CaseFailure extends Error {
  override readonly name = 'CaseFailure';
}

export interface FuzzOutcome {
  /** Cases run (shrinking included). */
  readonly cases: number;
  /** How often each status was answered, and 'none' for cases that got no response. */
  readonly statuses: ReadonlyMap<number | 'none', number>;
  /** The time budget ran out before `runs` cases passed. */
  readonly interrupted: boolean;
}

/** Runs the property; throws an Error carrying the replayable counterexample when an invariant breaks. */
export async function runFuzz(server: ServerProcess, app: string, settings: FuzzSettings, ledger: UploadLedger): Promise<FuzzOutcome> {
  let cases = 0;
  const statuses = new Map<number | 'none', number>();
  const count = (key: number | 'none'): void => void statuses.set(key, (statuses.get(key) ?? 0) + 1);
  const property = fc.asyncProperty(fuzzCaseArb, async (fuzzCase) => {
    // Once the server is gone every case would fail: keep the case that killed it as the counterexample.
    fc.pre(server.exit === null);
    cases++;
    const rendered = renderCase(fuzzCase, server.port);
    const exchange = await sendCase(server.port, rendered.writes, CASE_BOUND_MS);
    const report = checkCase(rendered, exchange, server.site, ledger);
    for (const status of report.statuses) count(status);
    if (report.statuses.length === 0) count('none');
    if (report.problems.length === 0) return;
    const problems = [...report.problems];
    if (server.exit !== null) problems.push(`the server process exited: ${JSON.stringify(server.exit)}`);
    const received = exchange.received.subarray(0, RECEIVED_PREVIEW_CHARS);
    throw new CaseFailure(
      [
        ...problems.map((problem) => `  - ${problem}`),
        `sent to port ${server.port} (${rendered.bytes.length} bytes; JSON strings of latin1 bytes, one per write):`,
        `  ${JSON.stringify(rendered.writes.map((write) => write.toString('latin1')))}`,
        `received (${exchange.received.length} bytes${exchange.received.length > received.length ? ', first ones' : ''}):`,
        `  ${jsonBytes(received)}`,
      ].join('\n'),
    );
  });
  const details = await fc.check<[FuzzCase]>(property, {
    seed: settings.seed,
    numRuns: settings.runs,
    path: settings.path,
    plugins: [fc.interruptAfterTimeLimit(settings.budgetMs)],
  });
  if (details.failed) {
    const shrunk: FuzzCase | undefined = details.counterexample?.[0];
    const error = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
    throw new Error(
      [
        `request fuzz broke an invariant on ${server.impl.name} (seed ${details.seed}, ${details.numRuns} runs, ${details.numShrinks} shrinks)`,
        `replay: FUZZ_SEED=${details.seed} FUZZ_PATH=${details.counterexamplePath ?? ''} FUZZ_SERVER=${app}`,
        error,
        shrunk === undefined ? '' : `case: ${shrunk.kind}, ${shrunk.requests.length} request(s), mutations ${JSON.stringify(shrunk.mutations)}, splits ${JSON.stringify(shrunk.splits)}`,
        server.diagnostics(),
      ].join('\n'),
    );
  }
  return { cases, statuses, interrupted: details.interrupted };
}

/** `200×41 400×97 ... none×12`, statuses in order. */
export function statusSummary(statuses: ReadonlyMap<number | 'none', number>): string {
  const keys = [...statuses.keys()].sort((a, b) => (a === 'none' ? 1 : b === 'none' ? -1 : a - b));
  return keys.map((key) => `${key}\u00d7${statuses.get(key)}`).join(' ');
}
