import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KEY_PHRASE } from '../helpers/instruction-sensitive-model.js';
import { useSpamLlmServer } from '../helpers/spam-llm-server.js';
import { expectOneLineError } from './run-cli.js';
import { runCliAsync } from './run-cli-async.js';

const spamLlm = useSpamLlmServer('modeldebug-propose-cli-');
const spam = spamLlm.data;

const args = (...extra: string[]) => [
  'propose',
  spam,
  '--label',
  'label',
  '--cv',
  '3',
  '--shuffle',
  '--store',
  join(spamLlm.folder(), 'store.sqlite'),
  '--model',
  `llm(model=scripted, base_url=${spamLlm.server().baseURL})`,
  '--demo-sets',
  '0',
  ...extra,
];

describe('modeldebug propose', () => {
  it('keeps the instruction naming the planted phrase, writes it, and prints the spec that uses it', async () => {
    const out = join(spamLlm.folder(), 'kept.txt');
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
    const result = await runCliAsync(args('--json', '--out', join(spamLlm.folder(), 'kept-json.txt')));
    expect(result.stderr).toBe('');
    const json = JSON.parse(result.stdout);
    expect(json).toMatchObject({ schema: 'modeldebug.propose', version: 1, folds: 3 });
    expect(json.candidates).toHaveLength(2);
    expect(json.kept.name).toBe('proposed instruction 2');
    expect(json.findings[0]).toMatchObject({ code: 'llm_instruction_gain', impact: { verified: true } });
  });

  it('refuses an --out in a missing folder before any call, in one line', async () => {
    const result = await runCliAsync(args('--out', join(spamLlm.folder(), 'missing', 'kept.txt')));
    expectOneLineError(result, /--out.*does not exist|does not exist.*--out/);
  });

  it('refuses a proposer that is not an LLM alone, in one line', async () => {
    const result = await runCliAsync(args('--proposer', 'logreg'));
    expectOneLineError(result, /the proposer must be an LLM endpoint alone/);
  });
});
