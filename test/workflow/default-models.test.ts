import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/data/index.js';
import { defaultModels, runConfigSchema, runWorkflow } from '../../src/workflow/index.js';

function tempCsv(name: string, lines: readonly string[]): string {
  const path = join(mkdtempSync(join(tmpdir(), 'md-default-models-')), name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

const WORDS = { spam: ['win', 'cash', 'prize', 'offer'], ham: ['meeting', 'notes', 'lunch', 'report'] };

/** Texts whose words give the class away, next to a categorical column (issue 16, item 9). */
function textWithCategory(): string {
  const lines = ['text,channel,y'];
  for (let i = 0; i < 60; i++) {
    const y = i % 2 === 0 ? 'spam' : 'ham';
    const words = WORDS[y];
    lines.push(`${words[i % 4]} ${words[(i + 1) % 4]} today,${['mail', 'sms', 'web'][i % 3]},${y}`);
  }
  return tempCsv('text.csv', lines);
}

describe('the default model set', () => {
  it('includes a random forest and histogram gradient boosting on tabular data', async () => {
    const path = tempCsv('numbers.csv', [
      'a,b,y',
      ...Array.from({ length: 20 }, (_, i) => `${i},${i % 3},${i % 2}`),
    ]);
    const specs = defaultModels(await loadDataset(path, { label: 'y' })).map((model) => model.kind);
    expect(specs).toEqual(expect.arrayContaining(['random-forest', 'hist-gradient-boosting']));
  });

  it('imputes missing cells for every model but the one that reads them itself (its allowsMissing tag)', async () => {
    const path = tempCsv('gaps.csv', [
      'a,b,y',
      ...Array.from({ length: 20 }, (_, i) => `${i % 4 === 0 ? '' : i},${i % 3},${i % 2}`),
    ]);
    const models = defaultModels(await loadDataset(path, { label: 'y' }));
    for (const model of models) {
      const imputes = model.spec.startsWith('impute(');
      expect([model.kind, imputes]).toEqual([model.kind, model.kind !== 'hist-gradient-boosting']);
    }
  });

  it('one-hot encodes the categorical columns next to a text column, so run --text works', async () => {
    const path = textWithCategory();
    const dataset = await loadDataset(path, { label: 'y', text: ['text'] });
    const specs = defaultModels(dataset).map((model) => model.spec);
    for (const spec of specs) expect(spec).toMatch(/^onehot \| tfidf/);
    const report = await runWorkflow(
      runConfigSchema.parse({
        data: { train: path, label: 'y', text: ['text'] },
        steps: { baseline: true, final_test: { n_boot: 50 } },
      }),
    );
    expect(report.skipped).toEqual([]);
    expect(report.sections.modelComparison?.failures ?? []).toEqual([]);
    expect(report.summary.metrics.accuracy).toBeGreaterThan(0.9);
  });

  it('runs on dates and formatted numbers after turning them into numbers, and says so', async () => {
    const lines = ['joined,salary,y'];
    for (let i = 0; i < 80; i++) {
      const y = i % 2;
      const day = `2022-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 27) + 1).padStart(2, '0')}`;
      lines.push(`${day},"${30 + 40 * y + (i % 7)},${String(100 + i).slice(-3)}",${y}`);
    }
    const report = await runWorkflow(
      runConfigSchema.parse({
        data: { train: tempCsv('traps.csv', lines), label: 'y' },
        steps: { validate: true, baseline: true, final_test: { n_boot: 50 } },
      }),
    );
    expect(report.warnings).toEqual([
      expect.stringMatching(/^"joined" holds dates: turned into joined\.year, /),
      '"salary" holds numbers with thousands separators: read as numbers',
    ]);
    expect(report.summary.metrics.accuracy).toBe(1);
  });
});
