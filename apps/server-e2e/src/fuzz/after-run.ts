// What must hold once a fuzz run is over: the server is alive and still serves `GET /`, no
// worker crashed and nothing answered 5xx, and uploads/ holds only complete JSON files, each
// one announced by a 201 (no temporaries, no orphans).
import { get } from '../harness/contract-row';
import type { ServerProcess } from '../harness/server-process';
import { UPLOAD_NAME, uploadFileProblem, type UploadLedger } from './upload-ledger';
/** Lines the servers write when something broke: a worker crash, an uncaught error, a 5xx other than 505. */
const TROUBLE = /crashed|uncaught|unhandled|\b5(0[0-46-9]|[1-9]\d) (answered|for)\b/i;

export async function afterRunViolations(server: ServerProcess, ledger: UploadLedger): Promise<string[]> {
  const problems: string[] = [];
  if (server.exit !== null) return [`${server.impl.name} exited during the run: ${JSON.stringify(server.exit)}\n${server.diagnostics()}`];
  for (const line of server.stderr) if (TROUBLE.test(line)) problems.push(`stderr: ${line}`);

  const client = await server.connect();
  try {
    await client.send(get('/', server));
    const response = await client.response();
    if (response.status !== 200 || !response.body.equals(server.site.files.get('index.html')!)) {
      problems.push(`GET / answered ${response.status} with ${response.bodyLength} bytes, not 200 with index.html`);
    }
  } finally {
    client.destroy();
  }

  const names = server.site.listUploads();
  for (const name of names) {
    if (!UPLOAD_NAME.test(name)) {
      problems.push(`uploads/ holds ${name}, not an upload_*.json`);
      continue;
    }
    const invalid = uploadFileProblem(server.site.uploads, name);
    if (invalid !== null) problems.push(`uploads/${name} is not complete, valid JSON: ${invalid}`);
    if (!ledger.announced.has(name)) problems.push(`uploads/${name} was never announced by a 201`);
  }
  for (const name of ledger.announced) if (!names.includes(name)) problems.push(`uploads/${name} was announced by a 201 but is gone`);
  return problems;
}
