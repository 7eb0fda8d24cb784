import { describe, expect, it } from 'vitest';
import { fitLabelBias, llmCalibration, weightedEce } from '../../../src/analysis/llm/calibration/index.js';
import { createRng } from '../../../src/core/rng.js';
import { topLabelCalibration } from '../../../src/metrics/calibration.js';
import { createLlmClassifier } from '../../../src/models/llm-classifier/index.js';
import { stratifiedKFold } from '../../../src/splits/index.js';
import { biasedLogprobModel, PLANTED_SPAM_BIAS, signalDataset } from '../../helpers/biased-logprob-model.js';
import { useTestServer } from '../../helpers/use-test-server.js';

const start = useTestServer();
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
// Classes sort as ['ham', 'spam'].
const SPAM = 1;

describe('weightedEce', () => {
  it("equals topLabelCalibration's ECE with unit weights, and a row counted twice is that row duplicated", () => {
    const rng = createRng(4);
    const n = 200;
    const yTrue = Int32Array.from({ length: n }, () => rng.int(3));
    const proba = new Float64Array(n * 3);
    const yPred = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const raw = [rng.next(), rng.next(), rng.next()];
      const total = raw[0] + raw[1] + raw[2];
      raw.forEach((value, k) => {
        proba[i * 3 + k] = value / total;
      });
      yPred[i] = raw.indexOf(Math.max(...raw));
    }
    const confidence = Float64Array.from(yPred, (k, i) => proba[i * 3 + k]);
    const correct = Uint8Array.from(yPred, (k, i) => (k === yTrue[i] ? 1 : 0));
    const reference = topLabelCalibration(yTrue, yPred, { rows: n, cols: 3, data: proba }).ece;
    expect(weightedEce(confidence, correct, new Float64Array(n).fill(1))).toBeCloseTo(reference, 12);
    const weights = new Float64Array(n).fill(1);
    weights[0] = 2;
    weights[1] = 0;
    const duplicated = [0, ...Array.from({ length: n - 2 }, (_, i) => i + 2), 0];
    const pick = (values: ArrayLike<number>) => duplicated.map((i) => values[i]);
    expect(weightedEce(confidence, correct, weights)).toBeCloseTo(
      weightedEce(
        Float64Array.from(pick(confidence)),
        Uint8Array.from(pick(correct)),
        new Float64Array(duplicated.length).fill(1),
      ),
      12,
    );
  });
});

describe('fitLabelBias', () => {
  it('recovers a planted per-class bias and stops where the gradient (the KKT condition) is zero', () => {
    const rng = createRng(11);
    const n = 3000;
    const scores = new Float64Array(n * 2);
    const y = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const z = -3 + 6 * rng.next();
      // Log-probabilities of a model that adds the bias to the true log-odds z.
      scores[i * 2] = Math.log(1 - sigmoid(z + PLANTED_SPAM_BIAS));
      scores[i * 2 + 1] = Math.log(sigmoid(z + PLANTED_SPAM_BIAS));
      y[i] = rng.next() < sigmoid(z) ? 1 : 0;
    }
    const rows = Array.from({ length: n }, (_, i) => i);
    const bias = fitLabelBias(scores, y, rows, 2);
    expect(bias[1] - bias[0]).toBeCloseTo(-PLANTED_SPAM_BIAS, 0);
    expect(Math.abs(bias[1] - bias[0] + PLANTED_SPAM_BIAS)).toBeLessThan(0.25);
    expect(bias[0] + bias[1]).toBeCloseTo(0, 8);
    // Σ_i p_i,spam = #spam (up to the ridge): the fitted model predicts as many spam as there are.
    let expected = 0;
    for (let i = 0; i < n; i++) {
      const a = scores[i * 2] + bias[0];
      const b = scores[i * 2 + 1] + bias[1];
      expected += 1 / (1 + Math.exp(a - b));
    }
    expect(expected).toBeCloseTo(
      y.reduce((sum, code) => sum + code, 0),
      1,
    );
  });
});

describe('llmCalibration against a model with a planted +1.5-nat spam bias', () => {
  const data = signalDataset(600, 5);
  const { folds } = stratifiedKFold(data.labels.codes, 5);

  it('finds the bias with content-free inputs and out of fold, and verifies both gains', async () => {
    const server = await start({ answer: biasedLogprobModel() });
    const llm = createLlmClassifier({ base_url: server.baseURL, scoring: 'logprob' }, { env: {} });
    const result = await llmCalibration(llm, data.features, data.labels, { folds, seed: 0 });
    expect(result.basis).toBe('logprob');
    expect(result.methods.map((method) => method.method)).toEqual(['as-configured', 'contextual', 'bias']);
    // The content-free inputs carry no signal (z = 0): the model says sigmoid(1.5) to each.
    expect(result.contentFree![SPAM].probability).toBeCloseTo(sigmoid(PLANTED_SPAM_BIAS), 12);
    const bias = result.labelBias!;
    expect(Math.abs(bias[SPAM].bias - bias[0].bias + PLANTED_SPAM_BIAS)).toBeLessThan(0.4);
    // Out of fold, the calibrated label is spam exactly when the true log-odds z ≥ 0.
    const contextual = result.methods[1];
    const bestPossible =
      data.messages.signals.filter((z, i) => (z >= 0 ? SPAM : 0) === data.labels.codes[i]).length / 600;
    expect(contextual.accuracy.estimate).toBeCloseTo(bestPossible, 12);
    for (const method of result.methods.slice(1)) {
      expect(method.accuracyGain.low).toBeGreaterThan(0);
      expect(method.eceReduction.low).toBeGreaterThan(0);
      expect(method.accuracyGain.low).toBeLessThanOrEqual(method.accuracyGain.estimate);
    }
    // Changed rows are those with z in [-1.5, 0): the bias moved them to spam.
    const moved = data.messages.signals.flatMap((z, i) => (z >= -PLANTED_SPAM_BIAS && z < 0 ? [i] : []));
    expect(contextual.changedRows).toEqual(moved);
    const codes = result.findings.map((finding) => finding.code);
    expect(codes).toEqual(['llm_calibration_gain', 'llm_miscalibrated']);
    expect(result.findings[0].impact?.verified).toBe(true);
    expect(result.findings[0].suggestion).toMatch(/calibration='contextual'|label_bias=\{"ham": /);
    // The folds' prompts have no examples, so their three content-free prompts are the same three.
    expect(server.requests()).toBe(600 + 3);
  });

  it('recommends nothing for a model with no bias (no gain is verified)', async () => {
    const server = await start({ answer: biasedLogprobModel(0) });
    const llm = createLlmClassifier({ base_url: server.baseURL, scoring: 'logprob' }, { env: {} });
    const result = await llmCalibration(llm, data.features, data.labels, { folds, seed: 0 });
    expect(result.findings.filter((finding) => finding.code === 'llm_calibration_gain')).toEqual([]);
    expect(result.methods[1].changedRows).toEqual([]);
    expect(result.methods[1].accuracyGain).toEqual({ estimate: 0, low: 0, high: 0 });
  });

  it('measures label-token scoring against parsing, and calibrates vote shares when there are no logprobs', async () => {
    const server = await start({ answer: biasedLogprobModel() });
    const parsing = createLlmClassifier({ base_url: server.baseURL }, { env: {} });
    const parsed = await llmCalibration(parsing, data.features, data.labels, { folds, nBoot: 200 });
    expect(parsed.methods.map((method) => method.method)).toEqual([
      'as-configured',
      'label-scores',
      'contextual',
      'bias',
    ]);
    // The parsed answer is the scores' argmax already: label scoring changes no label.
    expect(parsed.methods[1].changedRows).toEqual([]);

    const sampling = createLlmClassifier(
      { base_url: server.baseURL, probabilities: 'samples', samples: 9, temperature: 1 },
      { env: {} },
    );
    const small = signalDataset(200, 6);
    const voted = await llmCalibration(sampling, small.features, small.labels, {
      folds: stratifiedKFold(small.labels.codes, 4).folds,
      nBoot: 200,
    });
    expect(voted.basis).toBe('samples');
    expect(voted.skipped.map((entry) => entry.method)).toEqual(['bias']);
    // 27 votes on content-free inputs, each spam with probability sigmoid(1.5) ≈ 0.82.
    expect(voted.contentFree![SPAM].probability).toBeGreaterThan(0.6);
    expect(voted.methods[1].accuracyGain.estimate).toBeGreaterThan(0);
  });
});
