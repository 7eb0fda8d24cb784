import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, writeTempCsv } from './run-cli.js';

const WORDS = { spam: ['win', 'cash', 'prize', 'offer'], ham: ['meeting', 'notes', 'lunch', 'report'] };

describe('modeldebug run --text on data with a categorical column (issue 16, item 9)', () => {
  it('fits the default text models with the categorical column one-hot encoded', () => {
    const lines = ['text,channel,y'];
    for (let i = 0; i < 60; i++) {
      const y = i % 2 === 0 ? 'spam' : 'ham';
      const words = WORDS[y];
      lines.push(`${words[i % 4]} ${words[(i + 1) % 4]} today,${['mail', 'sms', 'web'][i % 3]},${y}`);
    }
    const path = writeTempCsv('text-category.csv', `${lines.join('\n')}\n`);
    const out = join(dirname(path), 'report');
    const result = runCli([
      'run',
      '--data',
      path,
      '--label',
      'y',
      '--text',
      'text',
      '--out',
      out,
      '--no-store',
      '--quiet',
    ]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    expect(report.summary.models.length).toBeGreaterThan(0);
    for (const model of report.summary.models) expect(model).toMatch(/^onehot \| tfidf/);
    expect(report.sections.modelComparison.failures ?? []).toEqual([]);
    expect(report.summary.metrics.accuracy).toBeGreaterThan(0.9);
  });
});
