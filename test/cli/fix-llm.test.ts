import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseModelSpec } from '../../src/catalog/index.js';
import { loadRunConfig } from '../../src/workflow/index.js';
import { KEY_PHRASE } from '../helpers/instruction-sensitive-model.js';
import { useSpamLlmServer } from '../helpers/spam-llm-server.js';
import { expectOneLineError } from './run-cli.js';
import { runCliAsync } from './run-cli-async.js';

const spamLlm = useSpamLlmServer('modeldebug-fix-llm-cli-');
const spam = spamLlm.data;

describe('modeldebug fix on an LLM classifier', () => {
  it('keeps the model named by --llm-model and the proposed instruction, and writes a fix.yaml that reads back', async () => {
    const out = join(spamLlm.folder(), 'fixed');
    const result = await runCliAsync([
      'fix',
      '--data',
      spam,
      '--label',
      'label',
      '--model',
      `llm(model=scripted-mini, base_url=${spamLlm.server().baseURL})`,
      '--llm-model',
      'scripted',
      '--allow',
      'llm-model,instruction',
      '--metric',
      'accuracy',
      '--cv',
      '5',
      '--store',
      join(spamLlm.folder(), 'store.sqlite'),
      '--out',
      out,
      '--json',
    ]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const changes = JSON.parse(result.stdout).changes as { remedy: string; status: string; ciLow: number }[];
    expect(changes.map((change) => [change.remedy, change.status])).toEqual([
      ['llm-model', 'kept'],
      // Most promising first (screened on the first fold); the useless one, tried on top, undoes the gain.
      ['instruction', 'kept'],
      ['instruction', 'rejected'],
    ]);
    const config = loadRunConfig(join(out, 'fix.yaml'));
    const [step] = parseModelSpec(String(config.models?.[0]));
    expect(step.params.model).toBe('scripted');
    expect(String(step.params.system).toLowerCase()).toContain(KEY_PHRASE);
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toContain('proposed instruction 2');
    expect(changes[1].ciLow).toBeGreaterThan(0);
  }, 120_000);

  it('refuses a proposer that is not an LLM before reading the data, in one line', async () => {
    const result = await runCliAsync([
      'fix',
      '--data',
      spam,
      '--label',
      'label',
      '--proposer',
      'scale | logreg',
    ]);
    expectOneLineError(result, /the proposer must be an LLM endpoint alone/);
  });
});
