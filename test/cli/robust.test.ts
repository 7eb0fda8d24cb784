import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { reviewCsv } from '../analysis/llm-reviews.js';
import { formatSensitiveModel } from '../helpers/format-sensitive-model.js';
import { startTestServer, type TestServer } from '../helpers/openai-test-server.js';
import { expectOneLineError } from './run-cli.js';
import { runCliAsync } from './run-cli-async.js';

let server: TestServer;
let folder: string;
let csv: string;
beforeAll(async () => {
  server = await startTestServer({ answer: formatSensitiveModel });
  folder = mkdtempSync(join(tmpdir(), 'modeldebug-robust-cli-'));
  csv = join(folder, 'reviews.csv');
  writeFileSync(csv, reviewCsv());
});
afterAll(() => server.close());

const args = (...extra: string[]) => [
  'robust',
  csv,
  '--label',
  'y',
  '--text',
  'review',
  '--cv',
  '4',
  '--store',
  join(folder, 'store.sqlite'),
  '--model',
  `llm(model=m, base_url=${server.baseURL}, temperature=0.7)`,
  ...extra,
];

describe('modeldebug robust', () => {
  it('prints the robustness table, the flipping rows and a finding for the separator the model fails on', async () => {
    const result = await runCliAsync(args('--families', 'format', '--samples', '3'));
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(
      /format\s+separator '\|'\s+0\.000 \[0\.000, 0\.000\]\s+1\.000 \[1\.000, 1\.000\]/,
    );
    expect(result.stdout).toMatch(
      /format\s+as configured\s+separator '\|'\s+1\.000 \[1\.000, 1\.000\]\s+sensitive/,
    );
    expect(result.stdout).toContain("row 1 (truth neg, answered neg): separator '|' → pos");
    expect(result.stdout).toContain('Rows whose label changes under some variant: 40');
    // Samples 0..2: seed 1 flips the rows "item N", N % 5 === 0.
    expect(result.stdout).toContain('row 5 (truth neg, 0.33 disagree): neg, pos, neg');
    expect(result.stdout).toContain('llm_format_sensitive: accuracy depends on the template format');
    expect(result.stdout).toContain('spreads: best and worst picked on 20 rows, measured on the other 20');
    expect(result.stdout).toMatch(/format\s+class neg\s+20\s+1\.000 \[1\.000, 1\.000\]/);
  });

  it('writes camelCase JSON with every flipped row and the finding records', async () => {
    const result = await runCliAsync(args('--families', 'labels,format', '--json'));
    expect(result.stderr).toBe('');
    const json = JSON.parse(result.stdout);
    // The same head as ablate's and compare's, and the schema the package ships.
    expect(json).toMatchObject({ schema: 'modeldebug.robust', version: 1, folds: 4 });
    expect(json.model).toBe(`llm(model=m, base_url=${server.baseURL}, temperature=0.7)`);
    expect(json.dataset).toEqual({ source: csv, rows: 40 });
    const shipped = readFileSync(new URL('../../schemas/robust.schema.json', import.meta.url), 'utf8');
    expect(z.fromJSONSchema(JSON.parse(shipped)).safeParse(json).success).toBe(true);
    expect(json.spreads.map((s: { family: string }) => s.family)).toEqual(['format', 'labels']);
    expect(json.flippedRows).toHaveLength(40);
    expect(json.sampling.passAllK.estimate).toBe(0.8);
    expect(json.findings.map((f: { code: string }) => f.code)).toEqual([
      'llm_format_sensitive',
      'llm_unstable_answers',
    ]);
    expect(json.findings[0]).toMatchObject({ code: 'llm_format_sensitive', level: 'warn' });
    expect(json.halves).toEqual({ pickRows: 20, measureRows: 20 });
    const negLabels = json.slices.find(
      (s: { family: string; by: string; value: string }) =>
        s.family === 'labels' && s.by === 'class' && s.value === 'neg',
    );
    expect(negLabels).toMatchObject({ rows: 20, flipRate: { estimate: 0 } });
    const keys = JSON.stringify(json).match(/"([^"]+)":/g) ?? [];
    expect(keys.filter((key) => key.includes('_'))).toEqual([]);
  });

  it('says in one line when a family is unknown', async () => {
    expectOneLineError(await runCliAsync(args('--families', 'format,colour')), '--families', '"colour"');
  });
});
