import { describe, expect, it } from 'vitest';
import { parseModelSpec } from '../../../src/catalog/index.js';
import { loadDataset } from '../../../src/data/index.js';
import { duplicateGroups, groupedStratifiedFolds } from '../../../src/workflow/fix/duplicate-groups.js';
import { prepareFixData, runFix } from '../../../src/workflow/fix/index.js';
import { createStateScorer } from '../../../src/workflow/fix/state-scorer.js';
import { datasetPath, fixturePath } from '../../helpers/fixtures.js';
import {
  helpfulProposer,
  instructionSensitiveModel,
  isPlantedHardRow,
  textsOf,
  truthOf,
} from '../../helpers/instruction-sensitive-model.js';
import type { ChatBody } from '../../helpers/openai-test-server.js';
import { useTestServer } from '../../helpers/use-test-server.js';

const spam = datasetPath('spam_assassin_600.csv');
const truth = truthOf(await loadDataset(spam, { label: 'label' }));

describe('rows left out of fix’s scores', () => {
  it('are not scored for the state measured: a fold scored without its wrong rows is right on all the others', async () => {
    const data = await prepareFixData({
      train: `${fixturePath('fix')}/noise_train.csv`,
      label: 'y',
      testSize: 0.2,
      seed: 0,
    });
    const { train } = data;
    const folds = groupedStratifiedFolds(train.labels.codes, duplicateGroups(train), 5, 0);
    const scorer = createStateScorer(train, folds, new Uint8Array(train.features.rows).fill(1), {
      metric: 'accuracy',
      cv: 5,
      seed: 0,
    });
    const state = { droppedRows: [], droppedColumns: [], steps: parseModelSpec('scale | logreg') };
    const all = await scorer.measure(state);
    const proba = await scorer.proba(state);
    const wrongInFirstFold = Array.from(folds[0].test).filter((row) => {
      const p = proba.data.subarray(row * proba.cols, (row + 1) * proba.cols);
      return p.indexOf(Math.max(...p)) !== train.labels.codes[row];
    });
    expect(all[0]).toBeLessThan(1);
    const without = await scorer.measure(state, false, wrongInFirstFold);
    expect(without[0]).toBe(1);
    expect(without.slice(1)).toEqual(all.slice(1));
  }, 60_000);
});

describe('fix’s proposed instructions', () => {
  const start = useTestServer();

  it('are scored without the rows the proposer was shown, as propose does', async () => {
    const proposerPrompts: string[] = [];
    const proposer = (body: ChatBody) => {
      proposerPrompts.push(body.messages.map((m) => m.content).join('\n'));
      return helpfulProposer(body);
    };
    const server = await start({ answer: instructionSensitiveModel(truth, proposer) });
    const data = await prepareFixData({ train: spam, label: 'label', testSize: 0.2, seed: 0 });
    const result = await runFix(
      data,
      parseModelSpec(`llm(model=scripted, base_url=${server.baseURL}, temperature=0)`),
      {
        metric: 'accuracy',
        cv: 5,
        seed: 0,
        nBoot: 50,
        remedies: ['instruction'],
      },
    );
    expect(proposerPrompts).toHaveLength(1);
    const texts = textsOf(data.train);
    const shown = new Set(
      texts.flatMap((text, row) =>
        proposerPrompts[0].includes(JSON.stringify(text.slice(0, 300)).slice(1, -1)) ? [row] : [],
      ),
    );
    expect(shown.size).toBeGreaterThan(0);
    expect(shown.size).toBeLessThanOrEqual(9);

    // The planted answer: the starting prompt errs on exactly the planted hard rows and the helpful
    // instruction on none, so each fold's gain is its share of hard rows among the rows it scores.
    const { classes, codes } = data.train.labels;
    const hard = texts.map((text, row) => isPlantedHardRow(text, classes[codes[row]]));
    const folds = groupedStratifiedFolds(codes, duplicateGroups(data.train), 5, 0);
    const foldGains = folds.map((fold) => {
      const scored = Array.from(fold.test).filter((row) => !shown.has(row));
      return scored.filter((row) => hard[row]).length / scored.length;
    });
    const kept = result.changes.filter((change) => change.status === 'kept');
    expect(kept).toHaveLength(1);
    expect(kept[0].gain).toBeCloseTo(foldGains.reduce((a, b) => a + b, 0) / foldGains.length, 12);
  }, 240_000);
});
