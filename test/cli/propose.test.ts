import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/data/index.js';
import { datasetPath } from '../helpers/fixtures.js';
import { instructionSensitiveModel, KEY_PHRASE, truthOf } from '../helpers/instruction-sensitive-model.js';
import { startTestServer, type TestServer } from '../helpers/openai-test-server.js';
import { expectOneLineError } from './run-cli.js';
import { runCliAsync } from './run-cli-async.js';

let server: TestServer;
let folder: string;
const spam = datasetPath('spam_assassin_600.csv');
beforeAll(async () => {
  const truth = truthOf(await loadDataset(spam, { label: 'label' }));
  server = await startTestServer({ answer: instructionSensitiveModel(truth) });
  folder = mkdtempSync(join(tmpdir(), 'modeldebug-propose-cli-'));
});
afterAll(() => server.close());

const args = (...extra: string[]) => [
  'propose',
  spam,
  '--label',
  'label',
  '--cv',
  '3',
  '--shuffle',
  '--store',
  join(folder, 'store.sqlite'),
  '--model',
  `llm(model=scripted, base_url=${server.baseURL})`,
  '--demo-sets',
  '0',
  ...extra,
];

describe('modeldebug propose', () => {
  it('keeps the instruction naming the planted phrase, writes it, and prints the spec that uses it', async () => {
    const out = join(folder, 'kept.txt');
    const result = await runCliAsync(args('--out', out));
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/true ham, answered spam/);
    expect(result.stdout).toMatch(/proposed instruction 1\s+\S+\s+0\.000 \[0\.000, 0\.000\]\s+rejected/);
    expect(result.stdout).toMatch(/proposed instruction 2\s+1\.000\s+0\.\d+ \[0\.\d+, 0\.\d+\]\s+kept/);
    expect(result.stdout).toContain(`instruction written to ${out}`);
    expect(result.stdout).toContain(`system=@${out}`);
    expect(readFileSync(out, 'utf8').toLowerCase()).toContain(KEY_PHRASE);
  });

  it('prints the versioned JSON document with every candidate and the finding', async () => {
    const result = await runCliAsync(args('--json', '--out', join(folder, 'kept-json.txt')));
    expect(result.stderr).toBe('');
    const json = JSON.parse(result.stdout);
    expect(json).toMatchObject({ schema: 'modeldebug.propose', version: 1, folds: 3 });
    expect(json.candidates).toHaveLength(2);
    expect(json.kept.name).toBe('proposed instruction 2');
    expect(json.findings[0]).toMatchObject({ code: 'llm_instruction_gain', impact: { verified: true } });
  });

  it('refuses a proposer that is not an LLM alone, in one line', async () => {
    const result = await runCliAsync(args('--proposer', 'logreg'));
    expectOneLineError(result, /the proposer must be an LLM endpoint alone/);
  });
});
