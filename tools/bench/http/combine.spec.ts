import { combineRounds } from './combine';
import type { CellResult } from './types';

const round = (value: number, p99Ms: number, peakRssBytes: number, badResponses = 0): CellResult => ({
  workload: 'small', server: 'node-http', status: 'ok', value, p99Ms, peakRssBytes, badResponses, socketErrors: 0,
  cpuUsPerUnit: 1e6 / value, cpuUtilisation: value / 400,
});

describe('combineRounds', () => {
  it('keeps the median figure and p99, the highest RSS and every warning', () => {
    const combined = combineRounds([round(100, 3, 50), round(300, 1, 70, 2), round(200, 2, 60)]);
    expect(combined).toMatchObject({ status: 'ok', value: 200, p99Ms: 2, peakRssBytes: 70, badResponses: 2, cpuUsPerUnit: 5000, cpuUtilisation: 0.5 });
  });

  it('keeps each round\'s figure in round order', () => {
    expect(combineRounds([round(300, 1, 1), round(100, 1, 1), round(200, 1, 1)]).roundValues).toEqual([300, 100, 200]);
  });

  it('averages the middle two of an even count', () => {
    expect(combineRounds([round(100, 1, 1), round(200, 1, 1), round(400, 1, 1), round(900, 1, 1)]).value).toBe(300);
  });

  it('has no CPU figure when no round could read one', () => {
    const noCpu = { ...round(100, 1, 1), cpuUsPerUnit: undefined, cpuUtilisation: undefined };
    expect(combineRounds([noCpu, noCpu])).toMatchObject({ cpuUsPerUnit: undefined, cpuUtilisation: undefined });
  });

  it('reports a failure when any round failed', () => {
    const failed: CellResult = { workload: 'small', server: 'node-http', status: 'failed', reason: 'boom' };
    expect(combineRounds([round(1, 1, 1), failed])).toBe(failed);
  });
});
