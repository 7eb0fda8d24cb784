import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FetchFunction } from '../../../src/llm/provider/chat-provider.js';
import {
  createLlmClassifier,
  labelLogLikelihoods,
  probabilitiesFromScores,
} from '../../../src/models/llm-classifier/index.js';
import { biasedLogprobModel, PLANTED_SPAM_BIAS, signalDataset } from '../../helpers/biased-logprob-model.js';
import { useTempDir } from '../../helpers/use-temp-dir.js';
import { useTestServer } from '../../helpers/use-test-server.js';

const start = useTestServer();
const tempDir = useTempDir();
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
const data = signalDataset(40, 3);
// Classes sort as ['ham', 'spam'].
const spamColumn = 1;

const token = (text: string, p: number, top: [string, number][]) => ({
  token: text,
  logprob: Math.log(p),
  top: top.map(([alternative, q]) => ({ token: alternative, logprob: Math.log(q) })),
});

describe('labelLogLikelihoods', () => {
  it('adds the log-probabilities along the generated label and reads the others where they diverge', () => {
    const answer = [
      token('not', 0.7, [
        ['not', 0.7],
        [' Spam', 0.2],
        ['ham', 0.05],
      ]),
      token(' spam', 0.9, [
        [' spam', 0.9],
        [' sure', 0.1],
      ]),
    ];
    const scores = labelLogLikelihoods(answer, ['not spam', 'spam', 'ham', 'eggs']);
    expect(scores![0]).toBeCloseTo(Math.log(0.7) + Math.log(0.9), 12);
    expect(scores![1]).toBeCloseTo(Math.log(0.2), 12);
    expect(scores![2]).toBeCloseTo(Math.log(0.05), 12);
    // Unlisted: the smaller of the least listed (0.05) and the unlisted mass (0.05) — an upper bound.
    expect(scores![3]).toBeCloseTo(Math.log(0.05), 12);
  });

  it('counts a token that spells the label and then punctuation, but not a longer word', () => {
    const answer = [
      token('spam.', 0.6, [
        ['spam.', 0.6],
        ['hamster', 0.3],
        ['ham', 0.1],
      ]),
    ];
    const scores = labelLogLikelihoods(answer, ['ham', 'spam']);
    expect(scores![0]).toBeCloseTo(Math.log(0.1), 12);
    expect(scores![1]).toBeCloseTo(Math.log(0.6), 12);
  });

  it('is undefined when no label is on any listed path or there are no logprobs', () => {
    expect(labelLogLikelihoods([token('Answer', 0.9, [['Answer', 0.9]])], ['ham', 'spam'])).toBeUndefined();
    expect(labelLogLikelihoods(undefined, ['ham', 'spam'])).toBeUndefined();
  });

  it('turns scores into probabilities that sum to 1 (a softmax)', () => {
    const proba = probabilitiesFromScores([Math.log(0.2), Math.log(0.6)]);
    expect(Array.from(proba)).toEqual([expect.closeTo(0.25, 12), expect.closeTo(0.75, 12)]);
  });
});

describe("scoring: 'logprob'", () => {
  it("gives each row the model's own class probabilities, with no parsing of the answer", async () => {
    const model = biasedLogprobModel();
    // The answer's text is never a label under parse=exact; its tokens' logprobs still are.
    const server = await start({ answer: (body) => ({ ...model(body), content: ' SPAM!' }) });
    const fitted = await createLlmClassifier(
      { base_url: server.baseURL, scoring: 'logprob', parse: 'exact' },
      { env: {} },
    ).fit(data.features, data.labels);
    const detailed = await fitted.predictDetailed(data.features);
    expect(detailed.probabilitySource).toEqual({ logprobs: 40, samples: 0, oneHot: 0, parsed: 0 });
    data.messages.signals.forEach((z, i) => {
      expect(detailed.proba.data[i * 2 + spamColumn]).toBeCloseTo(sigmoid(z + PLANTED_SPAM_BIAS), 10);
      expect(detailed.predicted[i]).toBe(z + PLANTED_SPAM_BIAS >= 0 ? spamColumn : 0);
      expect(detailed.labelLogprobs![i * 2 + spamColumn]).toBeCloseTo(
        Math.log(sigmoid(z + PLANTED_SPAM_BIAS)),
        10,
      );
    });
  });

  it('shifts the label scores by label_bias, which undoes a planted bias exactly', async () => {
    const server = await start({ answer: biasedLogprobModel() });
    const fitted = await createLlmClassifier(
      { base_url: server.baseURL, scoring: 'logprob', label_bias: { spam: -PLANTED_SPAM_BIAS } },
      { env: {} },
    ).fit(data.features, data.labels);
    const proba = await fitted.predictProba(data.features);
    data.messages.signals.forEach((z, i) => {
      expect(proba.data[i * 2 + spamColumn]).toBeCloseTo(sigmoid(z), 10);
    });
  });

  it('fails with one clear error when the endpoint returns no logprobs at all', async () => {
    const server = await start({ answer: biasedLogprobModel() });
    const withoutLogprobs: FetchFunction = async (input, init) => {
      const response = await fetch(input, init);
      const body = (await response.json()) as { choices?: { logprobs: unknown }[] };
      for (const choice of body.choices ?? []) choice.logprobs = null;
      return new Response(JSON.stringify(body), { status: response.status, headers: response.headers });
    };
    const fitted = await createLlmClassifier(
      { base_url: server.baseURL, scoring: 'logprob', cache: null },
      { env: {}, fetch: withoutLogprobs },
    ).fit(data.features, data.labels);
    const failure = fitted.predictDetailed(data.features);
    await expect(failure).rejects.toMatchObject({ code: 'unsupported' });
    await expect(failure).rejects.toThrow(
      /^param scoring: the endpoint returned no logprobs for any of 40 answers.*scoring='parse'/,
    );
  });

  it('refuses params it cannot honour, naming the param', async () => {
    expect(() => createLlmClassifier({ scoring: 'logprob', parse: 'json' })).toThrow(/^param scoring:/);
    expect(() => createLlmClassifier({ label_bias: { spam: 1 } })).toThrow(/^param label_bias:/);
    expect(() => createLlmClassifier({ calibration: 'contextual', probabilities: 'one-hot' })).toThrow(
      /^param calibration:/,
    );
  });
});

describe('logprobs through the client and the cache', () => {
  it('keeps every label log-probability on a cache hit, in memory and in SQLite', async () => {
    const server = await start({ answer: biasedLogprobModel() });
    const file = join(tempDir('llm-logprob-cache-'), 'cache.sqlite');
    const params = { base_url: server.baseURL, scoring: 'logprob' as const, cache: file };
    const first = await createLlmClassifier(params, { env: {} }).fit(data.features, data.labels);
    const fresh = await first.predictDetailed(data.features);
    expect(server.requests()).toBe(40);
    const again = await first.predictDetailed(data.features);
    // A new classifier on the same file: every answer, logprobs included, comes from SQLite.
    const reopened = await createLlmClassifier(params, { env: {} }).fit(data.features, data.labels);
    const fromDisk = await reopened.predictDetailed(data.features);
    expect(server.requests()).toBe(40);
    expect(fromDisk.usage.cacheHits).toBe(40);
    expect(Array.from(again.labelLogprobs!)).toEqual(Array.from(fresh.labelLogprobs!));
    expect(Array.from(fromDisk.labelLogprobs!)).toEqual(Array.from(fresh.labelLogprobs!));
    expect(fresh.labelLogprobs!.every(Number.isFinite)).toBe(true);
  });
});

describe("calibration: 'contextual'", () => {
  it('divides out what the model says to content-free inputs: the planted bias disappears', async () => {
    const server = await start({ answer: biasedLogprobModel() });
    const fitted = await createLlmClassifier(
      { base_url: server.baseURL, scoring: 'logprob', calibration: 'contextual' },
      { env: {} },
    ).fit(data.features, data.labels);
    const detailed = await fitted.predictDetailed(data.features);
    expect(detailed.contentFreeProba![spamColumn]).toBeCloseTo(sigmoid(PLANTED_SPAM_BIAS), 12);
    // p ∝ p / p_cf turns sigmoid(z + b) back into sigmoid(z).
    data.messages.signals.forEach((z, i) => {
      expect(detailed.proba.data[i * 2 + spamColumn]).toBeCloseTo(sigmoid(z), 10);
      expect(detailed.predicted[i]).toBe(z >= 0 ? spamColumn : 0);
    });
    expect(server.requests()).toBe(40 + 3);
  });
});
