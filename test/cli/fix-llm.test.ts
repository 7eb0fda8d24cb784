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
const fixOnSpam = (model: string) => ['fix', '--data', spam, '--label', 'label', '--model', model];

describe('modeldebug fix on an LLM classifier', () => {
  it('keeps the model named by --llm-model and the proposed instruction, and writes a fix.yaml that reads back', async () => {
    const out = join(spamLlm.folder(), 'fixed');
    const result = await runCliAsync([
      ...fixOnSpam(`llm(model=scripted-mini, base_url=${spamLlm.server().baseURL})`),
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

  it('keeps the LLM’s and the proposer’s answers in the run store: a rerun on it calls the endpoint 0 times', async () => {
    const folder = spamLlm.folder();
    const fix = (out: string) =>
      runCliAsync([
        ...fixOnSpam(`llm(model=scripted, base_url=${spamLlm.server().baseURL}, temperature=0.7)`),
        '--allow',
        'temperature,instruction',
        '--cv',
        '3',
        '--store',
        join(folder, 'rerun-store.sqlite'),
        '--out',
        join(folder, out),
        '--json',
      ]);
    const before = spamLlm.server().requests();
    const first = await fix('first');
    expect(first.stderr).toBe('');
    const firstCalls = spamLlm.server().requests() - before;
    // The folds, the candidates, the proposer and the final fits all called: the count below can move.
    expect(firstCalls).toBeGreaterThan(600);
    const second = await fix('second');
    expect(second.status, second.stderr).toBe(0);
    expect(spamLlm.server().requests() - before - firstCalls).toBe(0);
    const outcome = (stdout: string) => {
      const { changes, test } = JSON.parse(stdout);
      return { changes: changes.map(({ seconds, ...change }: { seconds: number }) => change), test };
    };
    expect(outcome(second.stdout)).toEqual(outcome(first.stdout));
  }, 240_000);

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
