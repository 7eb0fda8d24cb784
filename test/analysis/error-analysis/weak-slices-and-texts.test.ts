import { describe, expect, it } from 'vitest';
import {
  clusterMisclassifiedTexts,
  describeFindings,
  describeSlice,
  featureBins,
  findWeakSlices,
} from '../../../src/analysis/index.js';
import type { ColumnInfo, Features } from '../../../src/core/features.js';
import { createRng } from '../../../src/core/rng.js';
import { bootstrapCi, topLabelCalibration } from '../../../src/metrics/index.js';

/**
 * 600 rows: `size` uniform in [0, 1), `colour` red/green/blue, `noise` uniform. Errors happen 4 % of the
 * time, 50 % for size ≥ 0.8 (a single-feature slice) and 60 % for blue rows with size < 0.2 (a pair that
 * neither feature explains alone).
 */
function plantedErrors(): { features: Features; isError: Uint8Array } {
  const rng = createRng(7);
  const n = 600;
  const columns: ColumnInfo[] = [
    { name: 'size', kind: 'numeric' },
    { name: 'colour', kind: 'categorical', levels: ['red', 'green', 'blue'] },
    { name: 'noise', kind: 'numeric' },
  ];
  const data = new Float64Array(n * 3);
  const isError = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const size = rng.next();
    const colour = i % 3;
    data.set([size, colour, rng.next()], i * 3);
    const rate = size >= 0.8 ? 0.5 : colour === 2 && size < 0.2 ? 0.6 : 0.04;
    isError[i] = rng.next() < rate ? 1 : 0;
  }
  return { features: { rows: n, cols: 3, data, columns }, isError };
}

describe('weak slices', () => {
  const { features, isError } = plantedErrors();
  const { slices, tested } = findWeakSlices(features, isError);

  it('finds the planted single-feature slice with support, error rate, Wilson CI and lift', () => {
    const top = slices.find(
      (slice) => slice.conditions.length === 1 && slice.conditions[0].feature === 'size',
    );
    expect(top).toBeDefined();
    expect(top?.conditions[0].description).toMatch(/^≥ 0\.7|^≥ 0\.8/);
    expect(top?.lift).toBeGreaterThan(2.5);
    expect(top?.ci.low).toBeLessThan(top?.errorRate ?? 0);
    expect(top?.ci.high).toBeGreaterThan(top?.errorRate ?? 1);
    expect(top?.qValue).toBeLessThan(0.05);
    expect(tested).toBeGreaterThan(20);
  });

  it('finds the interaction as a pair and does not repeat a slice its simpler parent explains', () => {
    const pair = slices.find((slice) => /^size < 0\.\d+ and colour = blue$/.test(describeSlice(slice)));
    expect(pair).toBeDefined();
    expect(pair?.lift).toBeGreaterThan(2.5);
    const nested = slices.filter(
      (slice) => slice.conditions.length === 2 && slice.conditions[0].description.startsWith('≥'),
    );
    expect(nested).toEqual([]);
    expect(slices.some((slice) => slice.conditions.some((condition) => condition.feature === 'noise'))).toBe(
      false,
    );
  });

  it('says each weak slice in words: rate, lift, interval and support', () => {
    const yTrue = new Int32Array(isError.length);
    const yPred = Int32Array.from(isError);
    const proba = { rows: isError.length, cols: 2, data: new Float64Array(isError.length * 2).fill(0.5) };
    const errorCount = isError.reduce((sum, flag) => sum + flag, 0);
    const findings = describeFindings({
      rows: isError.length,
      errorCount,
      bootstrap: bootstrapCi(yTrue, yPred, 2, { nBoot: 50 }),
      calibration: topLabelCalibration(yTrue, yPred, proba),
      misclassified: [],
      confusionPairs: [],
      weakSlices: slices,
      suspectedLabelErrors: [],
      textClusters: [],
    });
    const sentences = findings
      .filter((finding) => finding.kind === 'weak-slice')
      .map((finding) => finding.message);
    expect(sentences).toHaveLength(Math.min(3, slices.length));
    expect(sentences[0]).toMatch(
      /^Rows with size .+ are wrong \d+ % of the time, \d\.\d× the overall rate \(95 % CI \d+ %–\d+ %, \d+ rows\)\.$/,
    );
  });

  it('ranks by lift and honours min support', () => {
    for (let s = 1; s < slices.length; s++) expect(slices[s - 1].lift).toBeGreaterThanOrEqual(slices[s].lift);
    const strict = findWeakSlices(features, isError, { minSupport: 150 });
    for (const slice of strict.slices) expect(slice.support).toBeGreaterThanOrEqual(150);
  });

  it('bins numeric features at quantiles and keeps categorical values', () => {
    const size = featureBins(features, 0, 5);
    expect(size?.labels.slice(0, 5)).toHaveLength(5);
    const counts = new Int32Array(6);
    for (const code of size?.codes ?? []) counts[code]++;
    for (let b = 0; b < 5; b++) expect(Math.abs(counts[b] - 120)).toBeLessThanOrEqual(2);
    expect(featureBins(features, 1, 5)?.labels).toEqual(['= red', '= green', '= blue', 'missing']);
  });
});

describe('clusters of misclassified texts', () => {
  it('separates two topics and names each by its terms', () => {
    const topics = [
      [
        'refund late delivery parcel',
        'parcel delivery late again',
        'late parcel refund please',
        'delivery never came parcel',
      ],
      [
        'password reset login fails',
        'cannot login password',
        'login error after password reset',
        'reset password link broken',
      ],
    ];
    const texts = [
      ...topics[0],
      ...topics[1],
      ...topics[0].map((t) => `${t} today`),
      ...topics[1].map((t) => `${t} now`),
    ];
    const columns: ColumnInfo[] = [{ name: 'message', kind: 'text', levels: texts }];
    const features: Features = {
      rows: texts.length,
      cols: 1,
      data: Float64Array.from(texts, (_, i) => i),
      columns,
    };
    const rows = texts.map((_, i) => i);
    const clusters = clusterMisclassifiedTexts(features, rows, createRng(1), { maxClusters: 2 });
    expect(clusters).toHaveLength(2);
    const described = clusters.map((cluster) => cluster.topTerms.slice(0, 3).sort().join(' '));
    expect(described.some((terms) => /parcel|delivery/.test(terms))).toBe(true);
    expect(described.some((terms) => /password|login/.test(terms))).toBe(true);
    for (const cluster of clusters) {
      const topic = cluster.exampleRows.map((row) =>
        texts[row].match(/parcel|delivery|refund|late/) ? 0 : 1,
      );
      expect(new Set(topic).size).toBe(1);
      expect(cluster.size).toBe(8);
    }
    expect(clusterMisclassifiedTexts(features, rows.slice(0, 3), createRng(1))).toEqual([]);
  });
  it("shows the misclassified texts themselves, and never describes a cluster by sklearn's stop words", () => {
    // Every text is padded with English function words that outnumber its topic words (issue 14, seen 10).
    const filler = 'would you please be so very much done because we have been';
    const texts = [
      ...['refund parcel late', 'parcel refund again', 'late parcel refund'].map((t) => `${filler} ${t}`),
      ...['password login reset', 'login password error', 'reset login password'].map(
        (t) => `${filler} ${t}`,
      ),
    ];
    const features: Features = {
      rows: texts.length,
      cols: 1,
      data: Float64Array.from(texts, (_, i) => i),
      columns: [{ name: 'message', kind: 'text', levels: texts }],
    };
    const clusters = clusterMisclassifiedTexts(
      features,
      texts.map((_, i) => i),
      createRng(1),
      { maxClusters: 2 },
    );
    expect(clusters.length).toBeGreaterThan(0);
    for (const cluster of clusters) {
      for (const term of cluster.topTerms)
        expect(['parcel', 'refund', 'late', 'again', 'password', 'login', 'reset', 'error']).toContain(term);
      expect(cluster.exampleTexts).toEqual(cluster.exampleRows.map((row) => texts[row]));
      expect(cluster.rows).toHaveLength(cluster.size);
    }
  });
});
