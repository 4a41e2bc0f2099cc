// Sums jest's JSON result files (one per Nx project) into the single line CI reads:
// `tests: N passed, M failed`. Exits non-zero on any failure, or when nothing ran.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2] ?? 'tmp/jest';
let passed = 0;
let failed = 0;
let files = [];
try {
  files = readdirSync(dir).filter((name) => name.endsWith('.json'));
} catch {
  // no results folder: counted below as "nothing ran"
}

for (const name of files) {
  const result = JSON.parse(readFileSync(join(dir, name), 'utf8'));
  passed += result.numPassedTests;
  // A suite that could not run (syntax error, missing module) has no failed tests: count it.
  failed += result.numFailedTests + result.numRuntimeErrorTestSuites;
  if (result.numFailedTests + result.numRuntimeErrorTestSuites > 0) {
    console.error(`ci: ${name.replace(/\.json$/, '')} has failures`);
  }
}

if (passed + failed === 0) console.error('ci: no test ran');
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
