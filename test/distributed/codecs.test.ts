import { describe, expect, it } from 'vitest';
import { decodeDataset, decodeRows, encodeDataset, encodeRows } from '../../src/distributed/dataset-blob.js';
import { decodeFoldOutcome, encodeFoldResult, foldResultSchema } from '../../src/distributed/fold-job.js';
import { describeRemoteStatus } from '../../src/distributed/remote-status.js';

describe('what crosses Redis', () => {
  it('keeps a dataset bit for bit: NaN, -0, denormals, categorical levels and class names', () => {
    const data = Float64Array.from([Number.NaN, -0, 5e-324, 1 / 3, -1e308, 2]);
    const features = {
      rows: 3,
      cols: 2,
      data,
      columns: [
        { name: 'x', kind: 'numeric' as const },
        { name: 'colour ☂', kind: 'categorical' as const, levels: ['red', 'blue'] },
      ],
    };
    const labels = { classes: ['no', 'yes'], codes: Int32Array.from([1, 0, 1]) };
    const back = decodeDataset(encodeDataset(features, labels));
    expect(Object.is(back.features.data[1], -0)).toBe(true);
    expect(Buffer.from(back.features.data.buffer)).toEqual(Buffer.from(data.buffer));
    expect(back.features.columns).toEqual(features.columns);
    expect(back.labels).toEqual(labels);
    const rows = Int32Array.from([0, 2, 7, 2 ** 31 - 1]).subarray(1);
    expect(decodeRows(encodeRows(rows))).toEqual(Int32Array.from([2, 7, 2 ** 31 - 1]));
  });

  it('returns scores JSON cannot hold (NaN, ±Infinity, -0) exactly, and failed fits with their message', () => {
    for (const test of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0, 0.1 + 0.2]) {
      const outcome = { ok: true as const, test, train: -0, fitSeconds: 1.5, scoreSeconds: 0.25 };
      const wire = JSON.parse(JSON.stringify(encodeFoldResult('w', outcome)));
      const back = decodeFoldOutcome(foldResultSchema.parse(wire));
      expect(back).toEqual(outcome);
      expect(back.ok && Object.is(back.test, test) && Object.is(back.train, -0)).toBe(true);
    }
    const failed = { ok: false as const, error: 'C must be > 0', fitSeconds: 0.01 };
    expect(decodeFoldOutcome(foldResultSchema.parse(encodeFoldResult('w', failed)))).toEqual(failed);
  });

  it('describes live workers and their jobs, done+running', () => {
    expect(describeRemoteStatus({ polled: false, workers: [], reusedJobs: 0 })).toBe(
      'asking Redis for workers',
    );
    expect(describeRemoteStatus({ polled: true, workers: [], reusedJobs: 0 })).toMatch(
      /^no workers connected/,
    );
    expect(
      describeRemoteStatus({
        polled: true,
        reusedJobs: 4,
        workers: [
          { name: 'a', live: true, done: 12, active: 1 },
          { name: 'b', live: true, done: 10, active: 1 },
          { name: 'c', live: false, done: 3, active: 0 },
        ],
      }),
    ).toBe('2 workers: a 12+1, b 10+1; gone: c 3+0; 4 jobs reused');
  });
});
