import { describe, expect, it } from 'vitest';
import {
  promptFieldAblation,
  templateFields,
  templateWithFields,
} from '../../../src/analysis/llm/prompt-ablation.js';
import { createLlmClassifier } from '../../../src/models/llm-classifier/index.js';
import { stratifiedKFold } from '../../../src/splits/index.js';
import { lastUser } from '../../helpers/openai-test-server.js';
import { useTestServer } from '../../helpers/use-test-server.js';
import { fieldReader, reviewDataset } from '../llm-reviews.js';

const startServer = useTestServer();

const { features, labels } = reviewDataset();
const folds = stratifiedKFold(labels.codes, 4).folds;

describe('prompt templates by field', () => {
  it('lists fields once, in order, and drops a dropped field with its line', () => {
    const template = 'Review: {{review}}\nFrom {{source}} ({{stars}} stars)\n{{ review }} again';
    expect(templateFields(template)).toEqual(['review', 'source', 'stars']);
    expect(templateWithFields(template, new Set(['source', 'stars']))).toBe(
      'From {{source}} ({{stars}} stars)',
    );
    expect(templateWithFields(template, new Set(['review', 'stars']))).toBe(
      'Review: {{review}}\nFrom  ({{stars}} stars)\n{{ review }} again',
    );
  });
});

describe('prompt-field ablation', () => {
  it('drops the field that hurts least each round and scores every field set once', async () => {
    const prompts: string[] = [];
    const server = await startServer({
      answer: (body) => {
        prompts.push(lastUser(body));
        return fieldReader(body);
      },
    });
    // One request at a time, so that a repeated prompt is nearly always a cache hit rather than a race.
    const model = createLlmClassifier({ base_url: server.baseURL, model: 'm', concurrency: 1 }, { env: {} });
    const ablation = await promptFieldAblation(model, features, labels, { folds });
    // review decides every row; stars 3 rows in 4; source nothing. Without review or stars: always "pos".
    expect(ablation.path).toEqual([
      { fields: ['review', 'source', 'stars'], accuracy: 1 },
      { fields: ['review', 'stars'], accuracy: 1 },
      { fields: ['review'], accuracy: 1 },
    ]);
    expect(ablation.rounds[0].drops).toEqual([
      { field: 'review', accuracy: 0.75 },
      { field: 'source', accuracy: 1 },
      { field: 'stars', accuracy: 1 },
    ]);
    expect(ablation.rounds[1].drops).toEqual([
      { field: 'review', accuracy: 0.75 },
      { field: 'stars', accuracy: 1 },
    ]);
    expect(ablation.eliminationOrder).toEqual(['source', 'stars', 'review']);
    expect(ablation.recommended.fields).toEqual(['review']);
    // Six sets scored (the full one, three drops, two drops; {review, stars} is not scored again): 240
    // prompts, of which {source, stars} has 4 distinct ones and {stars} 2 — up to 36 + 38 hit the cache
    // (two workers share the one slot, so two equal prompts can both be in flight before either is cached).
    expect(ablation.usage.calls + ablation.usage.cacheHits).toBe(6 * 40);
    expect(ablation.usage.cacheHits).toBeLessThanOrEqual(36 + 38);
    expect(ablation.usage.cacheHits).toBeGreaterThanOrEqual(60);
    expect(server.requests()).toBe(ablation.usage.calls);
    expect(prompts).toContain('review: item 0 was good\nstars: 4');
    expect(prompts).toContain('source: web\nstars: 4');
  });

  it('keeps the larger set when a drop costs more than the tolerance', async () => {
    const server = await startServer({ answer: fieldReader });
    const model = createLlmClassifier(
      { base_url: server.baseURL, model: 'm', template: '{{source}} | stars: {{stars}}' },
      { env: {} },
    );
    const ablation = await promptFieldAblation(model, features, labels, { folds });
    expect(ablation.path.map((entry) => entry.accuracy)).toEqual([0.75, 0.75]);
    expect(ablation.rounds[0].drops).toEqual([
      { field: 'source', accuracy: 0.75 },
      { field: 'stars', accuracy: 0.5 },
    ]);
    expect(ablation.recommended.fields).toEqual(['stars']);
  });

  it('refuses a template with one field', async () => {
    const model = createLlmClassifier(
      { base_url: 'http://127.0.0.1:9/v1', template: '{{review}}' },
      { env: {} },
    );
    await expect(promptFieldAblation(model, features, labels, { folds })).rejects.toMatchObject({
      code: 'invalid_argument',
    });
  });
});
