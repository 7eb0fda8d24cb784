import { describe, expect, it } from 'vitest';
import { describeRepair } from '../../src/data/index.js';
import { runConfigSchema } from '../../src/workflow/index.js';
import { prepareData } from '../../src/workflow/prepare-data.js';
import { runCli, writeTempCsv } from './run-cli.js';

/**
 * A file with the traps `run` repairs: a date column, incomes written "52,000", a customer ID — and a
 * plain numeric column. The label follows income and the season.
 */
function trapsCsv(name: string, rows: number, offset: number): string {
  const lines = ['signup,income,customer_id,x,y'];
  for (let i = 0; i < rows; i++) {
    const k = i + offset;
    const rich = k % 2 === 0;
    const day = new Date(Date.UTC(2021, 0, 1) + k * 3 * 86_400_000).toISOString().slice(0, 10);
    const income = (41_000 + ((k * 379) % 9_000) + (rich ? 12_000 : 0)).toLocaleString('en-US');
    lines.push(`${day},"${income}",C${10_000 + k},${((k * 7) % 11) / 10},${rich ? 'high' : 'low'}`);
  }
  return writeTempCsv(name, `${lines.join('\n')}\n`);
}

const train = trapsCsv('traps.csv', 90, 0);
const test = trapsCsv('traps-test.csv', 30, 90);

/** What `run` does to the file, in its own words (its report's warnings). */
async function runRepairs(): Promise<string[]> {
  const prepared = await prepareData(runConfigSchema.parse({ data: { train, label: 'y' } }));
  return prepared.repairs.map(describeRepair);
}

describe('errors and eval prepare the data as run does (dates, "52,000", IDs)', () => {
  it('eval: the same repairs as run, on the training and the test file, and a model that needs numbers fits', async () => {
    const expected = await runRepairs();
    expect(expected).toHaveLength(3);
    for (const args of [
      ['--cv', '3'],
      ['--test', test],
    ]) {
      const result = runCli(['eval', train, '--label', 'y', '--model', 'scale | logreg', ...args, '--json']);
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      const document = JSON.parse(result.stdout) as {
        dataset: { features: number };
        warnings: { code: string; message: string }[];
        metrics: { accuracy: number };
      };
      // income and x as numbers, the date as its six parts, the ID left out.
      expect(document.dataset.features).toBe(8);
      const repairWarnings = document.warnings.filter((w) =>
        ['date_column', 'number_format', 'id_column'].includes(w.code),
      );
      expect(repairWarnings.map((w) => w.message)).toEqual(expected);
      // Income separates the classes once read as a number.
      expect(document.metrics.accuracy).toBeGreaterThan(0.9);
    }
  }, 120_000);

  it('errors: the same repairs as run, said in its warnings', async () => {
    const expected = await runRepairs();
    const result = runCli([
      'errors',
      train,
      '--label',
      'y',
      '--model',
      'scale | logreg',
      '--n-boot',
      '20',
      '--json',
    ]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const document = JSON.parse(result.stdout) as { warnings: { code: string; message: string }[] };
    expect(document.warnings.map((w) => w.code)).toEqual(['date_column', 'number_format', 'id_column']);
    expect(document.warnings.map((w) => w.message)).toEqual(expected);
    const text = runCli(['errors', train, '--label', 'y', '--model', 'scale | logreg', '--n-boot', '20']);
    expect(text.status).toBe(0);
    expect(text.stdout).toContain('"income" holds numbers with thousands separators: read as numbers');
  }, 120_000);
});
