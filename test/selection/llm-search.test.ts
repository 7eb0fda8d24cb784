import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../src/catalog/index.js';
import { llmClassifierParamsSchema } from '../../src/models/llm-classifier/index.js';
import { applyParams, checkSearchSpace, gridStrategy, search } from '../../src/selection/index.js';
import { stratifiedKFold } from '../../src/splits/index.js';
import { fieldReader, reviewDataset } from '../analysis/llm-reviews.js';
import { lastUser } from '../helpers/openai-test-server.js';
import { useTestServer } from '../helpers/use-test-server.js';

const startServer = useTestServer();

const { features, labels } = reviewDataset();
const folds = stratifiedKFold(labels.codes, 4).folds;

/** A valid value of every LLM param, to use as a grid key. */
const VALUES: Record<string, unknown> = {
  model: 'm2',
  base_url: 'http://127.0.0.1:9/v1',
  api_key_env: 'OTHER_KEY',
  base_url_env: 'OTHER_BASE_URL',
  temperature: 0.7,
  top_p: 0.9,
  max_tokens: 5,
  seed: 3,
  system: 'Pick one of {{labels}}',
  template: '{{review}}',
  label_descriptions: { pos: 'liked it' },
  few_shot_k: 4,
  few_shot_selection: 'similar',
  few_shot_pool: 100,
  random_state: 2,
  parse: 'regex',
  regex: '(pos|neg)',
  structured_output: true,
  probabilities: 'samples',
  scoring: 'logprob',
  calibration: 'contextual',
  label_bias: { pos: 0.5 },
  samples: 3,
  top_logprobs: 5,
  concurrency: 2,
  timeout_ms: 1000,
  max_attempts: 2,
  cache: null,
  max_cost: 1,
  prices: { m2: { input: 1, output: 2 } },
};

describe('searching LLM configurations', () => {
  it('accepts every LLM param as a grid key', () => {
    expect(Object.keys(VALUES).sort()).toEqual(Object.keys(llmClassifierParamsSchema.shape).sort());
    for (const key of Object.keys(VALUES)) {
      // A candidate setting the key builds (parse=regex and regex with the other one in place).
      const partner =
        key === 'regex'
          ? { parse: 'regex' }
          : key === 'parse'
            ? { regex: '(pos|neg)' }
            : key === 'label_bias'
              ? { scoring: 'logprob' }
              : {};
      const steps = [{ name: 'llm', params: partner }];
      const model = buildModel(applyParams(steps, { [key]: VALUES[key] }));
      expect((model.params as Record<string, unknown>)[key]).toEqual(VALUES[key]);
    }
    checkSearchSpace([{ name: 'llm', params: {} }], {
      strategy: 'grid',
      grid: ['model=m1,m2', 'temperature=0,0.7', 'few_shot_k=0,4', 'few_shot_selection=random,similar'],
      space: [],
    });
    expect(() =>
      checkSearchSpace([{ name: 'llm', params: {} }], {
        strategy: 'grid',
        grid: ['tempurature=0,1'],
        space: [],
      }),
    ).toThrow(/unknown param "tempurature"/);
  });

  it('searches prompt files x temperature x k; the cache makes a repeated configuration cost no call', async () => {
    const prompts: string[] = [];
    const server = await startServer({
      answer: (body) => {
        prompts.push(lastUser(body));
        return fieldReader(body);
      },
    });
    const folder = mkdtempSync(join(tmpdir(), 'modeldebug-prompts-'));
    writeFileSync(join(folder, 'review.txt'), 'review: {{review}}\n');
    writeFileSync(join(folder, 'stars.txt'), 'stars: {{stars}}\n');
    const cache = join(folder, 'cache.sqlite');
    const steps = [{ name: 'llm', params: { base_url: server.baseURL, model: 'm', cache } }];
    const grid = {
      template: [`@${join(folder, 'review.txt')}`, `@${join(folder, 'stars.txt')}`],
      temperature: [0, 0.5],
      // Concurrency does not change what is sent: its second value is all cache hits.
      concurrency: [1, 2],
    };
    const options = { steps, strategy: gridStrategy(grid), cv: folds, refit: false } as const;
    const first = await search(features, labels, options);
    expect(first.trials).toHaveLength(8);
    const byTemplate = (name: string) =>
      first.trials
        .filter((trial) => String(trial.params.template).endsWith(name))
        .map((t) => t.meanTestScore);
    expect(byTemplate('review.txt')).toEqual([1, 1, 1, 1]);
    expect(byTemplate('stars.txt')).toEqual([0.75, 0.75, 0.75, 0.75]);
    // Each review prompt is distinct (40 rows x 2 temperatures): sent once, though 4 candidates use it.
    expect(prompts.filter((prompt) => prompt.startsWith('review:'))).toHaveLength(2 * 40);
    expect(new Set(prompts.filter((prompt) => prompt.startsWith('stars:')))).toEqual(
      new Set(['stars: 2', 'stars: 4']),
    );
    const sent = server.requests();

    const again = await search(features, labels, options);
    expect(server.requests()).toBe(sent);
    expect(again.trials.map((trial) => trial.meanTestScore)).toEqual(
      first.trials.map((t) => t.meanTestScore),
    );
  });
});
