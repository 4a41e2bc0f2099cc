import { anyLoadBound, cpuCost, cpuEfficiency, cpuUnitLabel, LOAD_BOUND_UTILISATION } from './cpu-cost';
import type { CellResult, ServerKind } from './types';

const MIB = 1024 * 1024;

describe('cpuCost', () => {
  it('divides the window\'s CPU by the requests: 4.85 s over 485,000 requests is 10 µs each', () => {
    const cost = cpuCost({ cpuSeconds: 4.85, wallSeconds: 5 }, { requests: 485_000, bytes: 1 }, 'req/s');
    expect(cost?.usPerUnit).toBeCloseTo(10);
    expect(cost?.utilisation).toBeCloseTo(0.97);
  });

  it('divides by MiB sent for a MiB/s workload', () => {
    const cost = cpuCost({ cpuSeconds: 5, wallSeconds: 5 }, { requests: 10_000, bytes: 10_000 * MIB }, 'MiB/s');
    expect(cost?.usPerUnit).toBeCloseTo(500);
    expect(cost?.utilisation).toBeCloseTo(1);
  });

  it('shows a load-bound window as utilisation well below 1', () => {
    expect(cpuCost({ cpuSeconds: 3, wallSeconds: 5 }, { requests: 500_000, bytes: 1 }, 'req/s')?.utilisation).toBeCloseTo(0.6);
  });

  it.each([
    ['no requests', { cpuSeconds: 1, wallSeconds: 5 }, { requests: 0, bytes: 0 }],
    ['no wall time', { cpuSeconds: 1, wallSeconds: 0 }, { requests: 10, bytes: 10 }],
    ['CPU going backwards', { cpuSeconds: -0.01, wallSeconds: 5 }, { requests: 10, bytes: 10 }],
  ])('has no figure with %s', (_, window, load) => expect(cpuCost(window, load, 'req/s')).toBeUndefined());

  it('names what the figure is per', () => {
    expect(cpuUnitLabel('req/s')).toBe('µs/req');
    expect(cpuUnitLabel('MiB/s')).toBe('µs/MiB');
  });
});

const cell = (server: ServerKind, cpuUsPerUnit: number | undefined, cpuUtilisation: number | undefined): CellResult => ({
  workload: 'small', server, status: 'ok', value: 1, cpuUsPerUnit, cpuUtilisation,
});

describe('cpuEfficiency', () => {
  it('is node:http\'s µs per request over ours: above 1 when ours is cheaper', () => {
    const results = [cell('node-http', 12, 0.98), cell('http-server', 8, 0.97), cell('simple-server', 16, 0.99)];
    expect(cpuEfficiency(results, 'small', 'http-server')).toBeCloseTo(1.5);
    expect(cpuEfficiency(results, 'small', 'simple-server')).toBeCloseTo(0.75);
  });

  it('has no figure when either side was not measured', () => {
    expect(cpuEfficiency([cell('http-server', 8, 1)], 'small', 'http-server')).toBeUndefined();
    expect(cpuEfficiency([cell('node-http', 12, 1), cell('http-server', undefined, undefined)], 'small', 'http-server')).toBeUndefined();
    const failed: CellResult = { workload: 'small', server: 'node-http', status: 'failed', reason: 'boom' };
    expect(cpuEfficiency([failed, cell('http-server', 8, 1)], 'small', 'http-server')).toBeUndefined();
  });
});

describe('anyLoadBound', () => {
  const both: ServerKind[] = ['http-server', 'node-http'];

  it('is true when either server left its core partly idle', () => {
    expect(anyLoadBound([cell('http-server', 8, 0.97), cell('node-http', 12, 0.6)], 'small', both)).toBe(true);
  });

  it('is false when both were saturated, the threshold itself included', () => {
    expect(anyLoadBound([cell('http-server', 8, 0.97), cell('node-http', 12, LOAD_BOUND_UTILISATION)], 'small', both)).toBe(false);
  });

  it('is unknown when a utilisation is missing and none is low', () => {
    expect(anyLoadBound([cell('http-server', 8, 0.97)], 'small', both)).toBeUndefined();
    expect(anyLoadBound([cell('http-server', 8, 0.5)], 'small', both)).toBe(true);
  });
});
