import { afterEach, describe, expect, it } from 'vitest';
import { createLlmClassifier } from '../../../src/models/llm-classifier/index.js';
import {
  type ChatBody,
  lastUser,
  startTestServer,
  type TestServer,
} from '../../helpers/openai-test-server.js';
import { TEST, TRAIN } from './text-data.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const rowOf = (proba: { cols: number; data: Float64Array }, i: number) =>
  Array.from(proba.data.subarray(i * proba.cols, (i + 1) * proba.cols));

describe('LLM classifier probabilities', () => {
  it('reads logprobs over the label tokens (a first token shared by labels is split between them)', async () => {
    server = await startTestServer({
      answer: () => ({
        content: 'pos',
        firstTokenTop: [
          { token: 'pos', logprob: Math.log(0.6) },
          { token: ' NEG', logprob: Math.log(0.3) },
          { token: 'maybe', logprob: Math.log(0.1) },
        ],
      }),
    });
    const fitted = await createLlmClassifier({ base_url: server.baseURL }, { env: {} }).fit(
      TRAIN.features,
      TRAIN.labels,
    );
    const detailed = await fitted.predictDetailed(TEST.features);
    expect(rowOf(detailed.proba, 0)[0]).toBeCloseTo(1 / 3, 12); // neg
    expect(rowOf(detailed.proba, 0)[1]).toBeCloseTo(2 / 3, 12); // pos
    expect(detailed.probabilitySource).toEqual({ logprobs: 6, samples: 0, oneHot: 0, parsed: 0 });
  });

  it('falls back to self-consistency votes over n samples, each its own seed and cache entry', async () => {
    const seeds: number[] = [];
    server = await startTestServer({
      answer: (body: ChatBody) => {
        seeds.push(body.seed ?? -1);
        return body.seed === 7 ? 'neg' : 'pos';
      },
    });
    const fitted = await createLlmClassifier(
      { base_url: server.baseURL, samples: 4, temperature: 0.7, seed: 5, probabilities: 'samples' },
      { env: {} },
    ).fit(TRAIN.features, TRAIN.labels);
    const detailed = await fitted.predictDetailed(TEST.features);
    expect(new Set(seeds)).toEqual(new Set([5, 6, 7, 8]));
    expect(rowOf(detailed.proba, 0)).toEqual([0.25, 0.75]);
    expect(detailed.probabilitySource.samples).toBe(6);
    expect(server.requests()).toBe(24);
  });

  it('gives one-hot probabilities when there is neither', async () => {
    server = await startTestServer({ answer: () => 'neg' });
    const fitted = await createLlmClassifier(
      { base_url: server.baseURL, probabilities: 'one-hot' },
      { env: {} },
    ).fit(TRAIN.features, TRAIN.labels);
    const proba = await fitted.predictProba(TEST.features);
    expect(rowOf(proba, 3)).toEqual([1, 0]);
  });
});

describe('LLM classifier few-shot examples', () => {
  function recordPrompts() {
    const prompts: ChatBody['messages'][] = [];
    return {
      prompts,
      answer: (body: ChatBody) => {
        prompts.push(body.messages);
        return 'pos';
      },
    };
  }

  it('draws k examples only from the training rows, stratified across classes, never the row itself', async () => {
    const recorder = recordPrompts();
    server = await startTestServer({ answer: recorder.answer });
    const fitted = await createLlmClassifier(
      { base_url: server.baseURL, template: '{{review}}', few_shot_k: 4, few_shot_selection: 'stratified' },
      { env: {} },
    ).fit(TRAIN.features, TRAIN.labels);
    await fitted.predict(TRAIN.features);
    const trainTexts = new Set(TRAIN.features.columns[0].levels);
    for (const messages of recorder.prompts) {
      const examples = messages.slice(1, -1);
      expect(examples).toHaveLength(8);
      const inputs = examples.filter((m) => m.role === 'user').map((m) => m.content);
      const answers = examples.filter((m) => m.role === 'assistant').map((m) => m.content);
      expect(inputs.every((text) => trainTexts.has(text))).toBe(true);
      expect(inputs).not.toContain(messages.at(-1)!.content);
      expect(answers.filter((a) => a === 'pos')).toHaveLength(2);
    }
  });

  it('picks the most similar training rows by TF-IDF, the closest last', async () => {
    const recorder = recordPrompts();
    server = await startTestServer({ answer: recorder.answer });
    const fitted = await createLlmClassifier(
      { base_url: server.baseURL, template: '{{review}}', few_shot_k: 2, few_shot_selection: 'similar' },
      { env: {} },
    ).fit(TRAIN.features, TRAIN.labels);
    await fitted.predictDetailed({ ...TEST.features, rows: 1 });
    const messages = recorder.prompts[0];
    expect(lastUser({ model: '', messages })).toBe('great battery');
    expect(messages[3].content).toBe('great phone, love the battery');
  });

  it('picks the same random examples on every fit with one random_state', async () => {
    const recorder = recordPrompts();
    server = await startTestServer({ answer: recorder.answer });
    const make = () =>
      createLlmClassifier(
        { base_url: server!.baseURL, few_shot_k: 3, few_shot_selection: 'random', cache: null },
        { env: {} },
      );
    await (await make().fit(TRAIN.features, TRAIN.labels)).predict(TEST.features);
    await (await make().fit(TRAIN.features, TRAIN.labels)).predict(TEST.features);
    expect(recorder.prompts).toHaveLength(12);
    const sorted = recorder.prompts.map((messages) => JSON.stringify(messages)).sort();
    for (let i = 0; i < 12; i += 2) expect(sorted[i]).toBe(sorted[i + 1]);
  });
});
