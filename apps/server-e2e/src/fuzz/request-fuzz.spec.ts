// Property-based fuzzing of SPEC §3 over real sockets: valid requests, mutated at the byte
// level and pipelined in split writes, against simple-server and http-server (2 threads).
// Fixed seed by default; FUZZ_SEED, FUZZ_RUNS, FUZZ_PATH and FUZZ_SERVER override it
// (tools/fuzz/server-fuzz.ts runs long campaigns through this file).
import type { Implementation } from '../harness/implementations';
import { SIMPLE_SERVER } from '../harness/implementations';
import { useServer } from '../harness/use-server';
import { afterRunViolations } from './after-run';
import { UploadLedger } from './upload-ledger';
import { FUZZ_SERVER_FLAGS } from './fuzz-limits';
import { runFuzz, statusSummary } from './fuzz-run';
import { fuzzSettings } from './fuzz-settings';

const HTTP_SERVER_2: Implementation = { name: 'http-server, 2 threads', app: 'http-server', threads: 2 };

const settings = fuzzSettings();
const targets = [SIMPLE_SERVER, HTTP_SERVER_2].filter((impl) => settings.servers.includes(impl.app));

describe.each(targets)('request fuzz: $name', (impl) => {
  const server = useServer(impl, { flags: FUZZ_SERVER_FLAGS });
  const ledger = new UploadLedger();

  test(
    `SPEC §3: ${settings.runs} mutated and pipelined requests, each answered by complete responses, then a close`,
    async () => {
      console.log(`request fuzz on ${impl.name}: seed ${settings.seed}, ${settings.runs} runs${settings.path === undefined ? '' : `, path ${settings.path}`}`);
      const outcome = await runFuzz(server(), impl.app, settings, ledger);
      console.log(`request fuzz on ${impl.name}: ${outcome.cases} cases, statuses ${statusSummary(outcome.statuses)}`);
      if (outcome.interrupted) console.warn(`request fuzz on ${impl.name}: time budget reached after ${outcome.cases} cases`);
    },
    settings.budgetMs + 15_000,
  );

  test('SPEC §3, §6: after the run the server is alive, GET / is 200, uploads/ holds only complete JSON uploads', async () => {
    expect(await afterRunViolations(server(), ledger)).toEqual([]);
  });
});
