import { afterEach, describe, expect, it } from 'vitest';
import { fewShotCurve, majorityAtKCurve } from '../../../src/analysis/curves/few-shot-curve.js';
import { majorityAtK } from '../../../src/analysis/llm/majority-at-k.js';
import { createLlmClassifier } from '../../../src/models/llm-classifier/index.js';
import { stratifiedKFold } from '../../../src/splits/index.js';
import { type ChatBody, startTestServer, type TestServer } from '../../helpers/openai-test-server.js';
import { examplesOf, reviewDataset } from '../llm-reviews.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const { features, labels, texts } = reviewDataset();
const folds = stratifiedKFold(labels.codes, 4).folds;
const truth = (text: string) => (/good/.test(text) ? 'pos' : 'neg');

describe('few-shot learning curve', () => {
  for (const selection of ['random', 'stratified'] as const) {
    it(`${selection}: examples come from the training folds and the k examples are the first k of the 2k`, async () => {
      const seen: { query: string; examples: string[] }[] = [];
      server = await startTestServer({
        answer: (body: ChatBody) => {
          const request = examplesOf(body);
          seen.push(request);
          // Right with two examples or more; "pos" for everything with fewer.
          return request.examples.length >= 2 ? truth(request.query) : 'pos';
        },
      });
      const model = createLlmClassifier(
        { base_url: server.baseURL, model: 'm', template: '{{review}}', few_shot_selection: selection },
        { env: {} },
      );
      const curve = await fewShotCurve(model, features, labels, [8, 0, 1, 2, 4], { folds });
      expect(curve.points.map((p) => p.k)).toEqual([0, 1, 2, 4, 8]);
      expect(curve.points.map((p) => p.accuracy)).toEqual([0.5, 0.5, 1, 1, 1]);
      expect(curve.points[0].foldScores).toEqual([0.5, 0.5, 0.5, 0.5]);
      expect(curve.points.every((p) => p.usage.calls === 40)).toBe(true);
      expect(server.requests()).toBe(5 * 40);

      const foldOfText = new Map<string, number>();
      folds.forEach((fold, f) => {
        for (const row of fold.test) foldOfText.set(texts[row], f);
      });
      const byQuery = new Map<string, string[][]>();
      for (const { query, examples } of seen) {
        // Every example is a training row of the query's fold, never a test row of it.
        for (const example of examples) expect(foldOfText.get(example)).not.toBe(foldOfText.get(query));
        byQuery.set(query, [...(byQuery.get(query) ?? []), examples]);
      }
      expect(byQuery.size).toBe(40);
      for (const runs of byQuery.values()) {
        const sorted = runs.sort((a, b) => a.length - b.length);
        expect(sorted.map((examples) => examples.length)).toEqual([0, 1, 2, 4, 8]);
        for (let j = 1; j < sorted.length; j++)
          expect(sorted[j].slice(0, sorted[j - 1].length)).toEqual(sorted[j - 1]);
      }
      if (selection === 'stratified') {
        const k2 = [...byQuery.values()].map((runs) => runs[2].map(truth).sort());
        expect(k2.every((pair) => pair[0] === 'neg' && pair[1] === 'pos')).toBe(true);
      }
    });
  }

  it('similar: the k nearest examples are among the 2k nearest', async () => {
    const seen: { query: string; examples: string[] }[] = [];
    server = await startTestServer({
      answer: (body: ChatBody) => {
        seen.push(examplesOf(body));
        return 'pos';
      },
    });
    const model = createLlmClassifier(
      { base_url: server.baseURL, model: 'm', template: '{{review}}', few_shot_selection: 'similar' },
      { env: {} },
    );
    await fewShotCurve(model, features, labels, [2, 4], { folds });
    const byQuery = new Map<string, string[][]>();
    for (const { query, examples } of seen) byQuery.set(query, [...(byQuery.get(query) ?? []), examples]);
    for (const runs of byQuery.values()) {
      const [small, large] = runs.sort((a, b) => a.length - b.length);
      expect(small).toHaveLength(2);
      for (const example of small) expect(large).toContain(example);
    }
  });

  it('rejects repeated or negative counts', async () => {
    const model = createLlmClassifier({ base_url: 'http://127.0.0.1:9/v1' }, { env: {} });
    const invalid = { code: 'invalid_argument' };
    await expect(fewShotCurve(model, features, labels, [0, 2, 2], { folds })).rejects.toMatchObject(invalid);
    await expect(fewShotCurve(model, features, labels, [-1], { folds })).rejects.toMatchObject(invalid);
  });
});

describe('majority at k', () => {
  it('votes over the first j samples; a tie keeps the label that reached the top count first', () => {
    // pos = 1, neg = 0; row 0 is pos, row 1 is neg.
    const yTrue = Int32Array.from([1, 0]);
    const samples = Int32Array.from([0, 1, 1, 0, 1, -1, 0, 1, 1, 0]);
    const points = majorityAtK(yTrue, samples, 5, 2);
    // Row 0 (pos) answers 0,1,1,0,1: neg | tie → neg | pos | tie, pos got 2 first → pos | pos.
    // Row 1 (neg) answers -,0,1,1,0: none | neg | tie → neg | pos | tie, pos got 2 first → pos.
    expect(points.map((p) => p.accuracy)).toEqual([0, 0.5, 1, 0.5, 0.5]);
    expect(points.map((p) => p.unlabelled)).toEqual([1, 0, 0, 0, 0]);
  });

  it('scores maj@1..5 from one run of five samples per row: no further calls', async () => {
    const indexOf = new Map(texts.map((text, i) => [text, i]));
    server = await startTestServer({
      answer: (body: ChatBody) => {
        const { query } = examplesOf(body);
        const i = indexOf.get(query)!;
        const sample = body.seed ?? 0;
        const right = truth(query);
        const wrong = right === 'pos' ? 'neg' : 'pos';
        // Rows i % 4 === 0 answer wrong, right, right, wrong, right; rows i % 4 === 1 start unparseable.
        if (i % 4 === 0) return [wrong, right, right, wrong, right][sample];
        if (i % 4 === 1 && sample === 0) return 'I cannot tell';
        return right;
      },
    });
    const model = createLlmClassifier(
      { base_url: server.baseURL, model: 'm', template: '{{review}}', temperature: 0.7 },
      { env: {} },
    );
    const curve = await majorityAtKCurve(model, features, labels, 5, { folds });
    expect(server.requests()).toBe(40 * 5);
    expect(curve.usage.calls).toBe(200);
    expect(curve.points.map((p) => p.accuracy)).toEqual([0.5, 0.75, 1, 1, 1]);
    expect(curve.points[0].unlabelled).toBe(10);
  });
});
