import { describe, expect, it } from 'vitest';
import { parseModelSpec } from '../../../src/catalog/index.js';
import { loadDataset } from '../../../src/data/index.js';
import { type FixRemedy, prepareFixData, runFix } from '../../../src/workflow/fix/index.js';
import { datasetPath } from '../../helpers/fixtures.js';
import { instructionSensitiveModel, KEY_PHRASE, truthOf } from '../../helpers/instruction-sensitive-model.js';
import { useTestServer } from '../../helpers/use-test-server.js';

const spam = datasetPath('spam_assassin_600.csv');
const truth = truthOf(await loadDataset(spam, { label: 'label' }));
const LLM_REMEDIES: FixRemedy[] = ['temperature', 'llm-model', 'template', 'instruction', 'few-shot'];

describe('fix on an LLM classifier against a scripted model with planted weaknesses', () => {
  const start = useTestServer();

  it('keeps temperature 0, the default template and the instruction naming the phrase, rejects the weaker model — and nothing else', async () => {
    const server = await start({ answer: instructionSensitiveModel(truth) });
    const data = await prepareFixData({ train: spam, label: 'label', testSize: 0.2, seed: 0 });
    const steps = parseModelSpec(
      `llm(model=scripted, base_url=${server.baseURL}, temperature=0.7, template='text | {{text}}')`,
    );
    const result = await runFix(data, steps, {
      metric: 'accuracy',
      cv: 5,
      seed: 0,
      nBoot: 200,
      remedies: LLM_REMEDIES,
      llm: { models: ['scripted-mini'] },
    });
    const summary = result.changes.map((change) => [change.remedy, change.status]);
    expect(summary).toEqual([
      ['temperature', 'kept'],
      ['llm-model', 'rejected'],
      ['template', 'kept'],
      ['template', 'rejected'],
      ['template', 'rejected'],
      ['template', 'rejected'],
      // Most promising first (screened on the first fold); the useless one, tried on top, undoes the gain.
      ['instruction', 'kept'],
      ['instruction', 'rejected'],
      ['few-shot', 'rejected'],
      ['few-shot', 'rejected'],
      ['few-shot', 'rejected'],
      ['few-shot', 'rejected'],
      ['few-shot', 'rejected'],
    ]);
    for (const change of result.changes.filter((c) => c.status === 'kept')) {
      expect(change.ciLow).toBeGreaterThan(0);
    }
    expect(result.changes[2].description).toContain('default template');
    const final = result.final.steps[0].params;
    expect(final).toMatchObject({ model: 'scripted', temperature: 0, template: null });
    expect(String(final.system).toLowerCase()).toContain(KEY_PHRASE);
    // Every planted weakness undone: the fixed prompt is right on every untouched test row.
    expect(result.test.after.metrics.accuracy).toBe(1);
    expect(result.test.before.metrics.accuracy).toBeLessThan(0.6);
  }, 240_000);

  it('proposes no LLM remedy for a classical model', async () => {
    const data = await prepareFixData({
      train: datasetPath('iris.csv'),
      label: 'target',
      testSize: 0.2,
      seed: 0,
    });
    const result = await runFix(data, parseModelSpec('logreg'), {
      metric: 'accuracy',
      cv: 3,
      seed: 0,
      nBoot: 50,
      remedies: LLM_REMEDIES,
      llm: { models: ['scripted'] },
    });
    expect(result.changes).toEqual([]);
  });
});
