import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import {
  processIsAlive,
  removeTempsOfGoneProcesses,
  removeTempsOfThread,
  tempNameFor,
  tempWriterOf,
} from './upload-temp-files';

const FINAL = 'upload_20261128T031500123Z_0123456789abcdef01234567.json';

/** The id of a process that has already exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '0']);
  return child.pid!;
}

describe('upload temp files', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'upload-temps-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const plant = (...names: string[]) => names.forEach((name) => writeFileSync(join(dir, name), '{"half":'));
  const left = () => readdirSync(dir).sort();

  it('names a temp file for its writer, and reads the writer back', () => {
    const name = tempNameFor(FINAL);
    expect(name).toBe(`.${FINAL}.${process.pid}-${threadId}.tmp`);
    expect(tempWriterOf(name)).toEqual({ pid: process.pid, threadId });
    expect(tempWriterOf(`.${FINAL}.tmp`)).toBeNull();
    expect(tempWriterOf(FINAL)).toBeUndefined();
    expect(tempWriterOf('.gitkeep')).toBeUndefined();
    expect(tempWriterOf(`.${FINAL}.12-3.tmp.bak`)).toBeUndefined();
  });

  it('tells a running process from one that is gone', () => {
    expect(processIsAlive(process.pid)).toBe(true);
    expect(processIsAlive(deadPid())).toBe(false);
  });

  it('at start-up removes the temps of gone processes and untagged ones, nothing else', async () => {
    const gone = tempNameFor(FINAL, { pid: deadPid(), threadId: 2 });
    const untagged = `.${FINAL}.tmp`;
    const ours = tempNameFor(FINAL, { pid: process.pid, threadId: 7 });
    const parent = tempNameFor(FINAL, { pid: process.ppid, threadId: 0 });
    plant(gone, untagged, ours, parent, FINAL, '.gitkeep');

    expect((await removeTempsOfGoneProcesses(dir)).sort()).toEqual([gone, untagged].sort());
    expect(left()).toEqual([ours, parent, FINAL, '.gitkeep'].sort());
  });

  it('after a worker died removes only that thread’s temps of this process', async () => {
    const dead = tempNameFor(FINAL, { pid: process.pid, threadId: 5 });
    const sibling = tempNameFor(FINAL, { pid: process.pid, threadId: 6 });
    const otherProcess = tempNameFor(FINAL, { pid: process.ppid, threadId: 5 });
    plant(dead, sibling, otherProcess, FINAL);

    expect(await removeTempsOfThread(dir, 5)).toEqual([dead]);
    expect(left()).toEqual([sibling, otherProcess, FINAL].sort());
  });

  it('finds nothing to do in a folder that does not exist', async () => {
    await expect(removeTempsOfGoneProcesses(join(dir, 'missing'))).resolves.toEqual([]);
  });
});
