import { spawnSync } from 'node:child_process';
import * as os from 'node:os';
import * as path from 'node:path';
import { countCpuList, machineCpuCount } from './machine';

describe('countCpuList', () => {
  it.each([
    ['0', 1],
    ['0-1\n', 2],
    ['0,2-5,8', 6],
    ['0-63', 64],
  ])('%j names %d CPUs', (text, count) => expect(countCpuList(text)).toBe(count));

  it.each(['', '1-0', '0-1-2', 'a', '0,,1'])('%j is not a CPU list', (text) => expect(countCpuList(text)).toBeUndefined());
});

describe('machineCpuCount', () => {
  it('counts the whole machine, at least every CPU this process may use', () => {
    expect(machineCpuCount()).toBeGreaterThanOrEqual(Math.max(os.cpus().length, os.availableParallelism(), 1));
  });
});

describe('machineCpuCount under taskset', () => {
  // taskset (util-linux) is on every Debian machine, and every machine here has 2 CPUs.
  it('still counts every CPU when the process is pinned to one', () => {
    const tsx = path.resolve(__dirname, '..', '..', '..', 'node_modules', '.bin', 'tsx');
    const script = `import { machineCpuCount } from ${JSON.stringify(path.join(__dirname, 'machine.ts'))}; process.stdout.write(require('node:os').availableParallelism() + ' ' + machineCpuCount());`;
    const out = spawnSync('taskset', ['-c', '0', tsx, '-e', script], { encoding: 'utf8', timeout: 15_000 });
    expect(out.stdout.trim()).toBe(`1 ${machineCpuCount()}`);
  }, 20_000);
});
