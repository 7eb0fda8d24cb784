import { describe, expect, it } from 'vitest';
import { proposeInstructions } from '../../../../src/analysis/llm/propose/index.js';
import { takeFeatureRows } from '../../../../src/core/features.js';
import { takeLabelRows } from '../../../../src/core/labels.js';
import { loadDataset } from '../../../../src/data/index.js';
import { createLlmClassifier } from '../../../../src/models/index.js';
import { stratifiedKFold } from '../../../../src/splits/index.js';
import { datasetPath } from '../../../helpers/fixtures.js';
import {
  instructionSensitiveModel,
  isPlantedHardRow,
  KEY_PHRASE,
  textsOf,
  truthOf,
  uselessProposer,
} from '../../../helpers/instruction-sensitive-model.js';
import type { ChatBody } from '../../../helpers/openai-test-server.js';
import { useTestServer } from '../../../helpers/use-test-server.js';

const spam = await loadDataset(datasetPath('spam_assassin_600.csv'), { label: 'label' });
const rows = Int32Array.from({ length: 300 }, (_, i) => i);
const X = takeFeatureRows(spam.features, rows);
const y = takeLabelRows(spam.labels, rows);
const truth = truthOf(spam);
const texts = textsOf(spam);
const folds = stratifiedKFold(y.codes, 5, { shuffle: true, seed: 0 }).folds;
const hardRows = Array.from(rows).filter((row) =>
  isPlantedHardRow(texts[row], truth.get(texts[row]) as string),
);

describe('proposeInstructions against a model that errs on planted rows unless its instruction names a phrase', () => {
  const start = useTestServer();

  it('keeps the instruction naming the phrase, with a gain interval above 0, and rejects the useless one', async () => {
    const server = await start({ answer: instructionSensitiveModel(truth) });
    const model = createLlmClassifier({ model: 'scripted', base_url: server.baseURL, cache: 'memory' });
    const result = await proposeInstructions(model, X, y, { folds, demoSets: 0, seed: 0 });
    // The planted hard rows are the only errors: the proposer sees ham answered "spam".
    expect(hardRows.length).toBeGreaterThan(10);
    expect(result.pairs.map((pair) => [pair.trueLabel, pair.answered, pair.count])).toEqual([
      ['ham', 'spam', hardRows.length],
    ]);
    expect(result.shownRows.every((row) => hardRows.includes(row))).toBe(true);
    const [useless, helpful] = result.candidates;
    expect(helpful.patch.system?.toLowerCase()).toContain(KEY_PHRASE);
    expect(helpful.verified).toBe(true);
    expect(helpful.gain?.low).toBeGreaterThan(0);
    // Right on every scored row (the shown rows are left out of scoring).
    expect(helpful.accuracy).toBe(1);
    expect(useless.verified).toBe(false);
    expect(useless.gain?.mean).toBe(0);
    expect(result.kept?.name).toBe(helpful.name);
    expect(result.keptParams?.system).toBe(helpful.patch.system);
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]).toMatchObject({ code: 'llm_instruction_gain', impact: { verified: true } });
    // One shared cache: the current prompt's pass in the search costs no call. Each distinct text once,
    // the proposer once, then each of the two instructions on every distinct text not shown to it.
    const shown = new Set(result.shownRows);
    const distinct = new Set(texts.slice(0, 300)).size;
    const scored = new Set(texts.slice(0, 300).filter((_, row) => !shown.has(row))).size;
    expect(server.requests()).toBe(distinct + 1 + 2 * scored);
  });

  it('keeps nothing when no proposed instruction helps', async () => {
    const server = await start({ answer: instructionSensitiveModel(truth, uselessProposer) });
    const model = createLlmClassifier({ model: 'scripted', base_url: server.baseURL });
    const result = await proposeInstructions(model, X, y, { folds, demoSets: 0 });
    expect(result.candidates).toHaveLength(2);
    expect(result.candidates.every((candidate) => !candidate.verified)).toBe(true);
    expect(result.kept).toBeNull();
    expect(result.findings).toEqual([]);
  });

  it('bootstraps few-shot sets from rows the model answers right, and keeps one (two right examples fix the planted rows)', async () => {
    const requests: ChatBody[] = [];
    const answer = instructionSensitiveModel(truth, uselessProposer);
    const server = await start({
      answer: (body) => {
        requests.push(body);
        return answer(body);
      },
    });
    const model = createLlmClassifier({ model: 'scripted', base_url: server.baseURL });
    const result = await proposeInstructions(model, X, y, { folds, instructions: 0, demoSets: 2, demoK: 2 });
    expect(result.candidates.map((candidate) => candidate.kind)).toEqual(['demos', 'demos']);
    expect(result.candidates.every((candidate) => candidate.verified)).toBe(true);
    // Every example shown in any prompt is a row the model answers right zero-shot: never a planted row.
    const shown = requests.flatMap((body) =>
      body.messages.filter((m, i) => m.role === 'user' && i < body.messages.length - 1).map((m) => m.content),
    );
    expect(shown.length).toBeGreaterThan(0);
    expect(
      shown.some((text) =>
        [...truth.keys()].some((t) => text.endsWith(t) && isPlantedHardRow(t, truth.get(t) as string)),
      ),
    ).toBe(false);
  });

  it('never shows the proposer a row unquoted', async () => {
    const prompts: string[] = [];
    const answer = instructionSensitiveModel(truth);
    const server = await start({
      answer: (body) => {
        const system = body.messages[0]?.content ?? '';
        if (system.startsWith('You improve')) prompts.push(body.messages[1].content);
        return answer(body);
      },
    });
    const model = createLlmClassifier({ model: 'scripted', base_url: server.baseURL });
    const result = await proposeInstructions(model, X, y, { folds, demoSets: 0 });
    expect(prompts).toHaveLength(1);
    for (const row of result.shownRows) {
      expect(prompts[0]).toContain(JSON.stringify(`text: ${texts[row]}`.slice(0, 600)));
    }
  });
});
