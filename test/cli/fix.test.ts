import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { loadRunConfig } from '../../src/workflow/index.js';
import { fixturePath } from '../helpers/fixtures.js';
import { useTempDir } from '../helpers/use-temp-dir.js';
import { expectOneLineError, runCli } from './run-cli.js';
import { runCliAsync } from './run-cli-async.js';

const dir = fixturePath('fix');
const makeTempDir = useTempDir();

describe('modeldebug fix', () => {
  it('writes its outputs, never edits the input, and refits the saved model in eval', () => {
    const out = makeTempDir('modeldebug-fix-');
    const input = join(dir, 'leak_train.csv');
    const original = readFileSync(input, 'utf8');
    const args = ['fix', '--data', input, '--label', 'y', '--test', join(dir, 'leak_test.csv')];
    const fixLeak = (...more: string[]) =>
      runCli([...args, '--allow', 'drop-columns', '--out', out, '--store', join(out, 'runs.db'), ...more]);
    const result = fixLeak('--json');
    expect(result.status).toBe(0);
    const changes = JSON.parse(result.stdout);
    expect(changes).toEqual(JSON.parse(readFileSync(join(out, 'changes.json'), 'utf8')));
    expect(changes.changes[0]).toMatchObject({ code: 'target_leak', status: 'kept', columns: ['status'] });
    expect(readFileSync(input, 'utf8')).toBe(original);
    const cleanedHeader = readFileSync(join(out, 'cleaned.csv'), 'utf8').split('\n')[0];
    expect(cleanedHeader).toBe('f0,f1,f2,f3,f4,f5,y');
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html.indexOf('Before / after')).toBeLessThan(html.indexOf('Not kept'));
    expect(html).toContain('data-chart="fix-waterfall"');
    const config = loadRunConfig(join(out, 'fix.yaml'));
    expect(config.models).toEqual([changes.fixedModel]);
    expect(config.data.drop).toEqual(['status']);

    const evaluated = runCli([
      'eval',
      join(out, 'cleaned.csv'),
      '--label',
      'y',
      '--test',
      join(dir, 'clean_test.csv'),
      '--model',
      `@${join(out, 'model.json')}`,
      '--json',
    ]);
    expect(evaluated.status).toBe(0);
    expect(JSON.parse(evaluated.stdout).model.spec).toBe(changes.fixedModel);

    const gated = fixLeak('--quiet', '--fail-under', 'accuracy=0.999');
    expect(gated.status).toBe(1);
    expect(gated.stderr).toMatch(/fail-under: accuracy 0\.\d+ is below the threshold 0\.999/);
  }, 120_000);

  it('refuses an unknown remedy in one line', () => {
    expectOneLineError(
      runCli(['fix', '--data', join(dir, 'clean_train.csv'), '--label', 'y', '--allow', 'dedupe,magic']),
      '--allow',
      'magic',
    );
  });

  it('resumes a fix killed mid-way: finished cross-validations are not redone', async () => {
    const out = makeTempDir('modeldebug-fix-');
    const store = join(out, 'runs.db');
    const args = [
      'fix',
      '--data',
      join(dir, 'clean_train.csv'),
      '--label',
      'y',
      '--test',
      join(dir, 'clean_test.csv'),
      '--out',
      out,
      '--store',
      store,
    ];
    let runId = '';
    const killed = await runCliAsync(args, (child) => {
      let seen = '';
      child.stderr?.on('data', (text: Buffer | string) => {
        seen += String(text);
        runId ||= /run (\S+) \(continue/.exec(seen)?.[1] ?? '';
        if ((seen.match(/trying:/g) ?? []).length >= 3) child.kill('SIGKILL');
      });
    });
    expect(killed.signal).toBe('SIGKILL');
    expect(existsSync(join(out, 'changes.json'))).toBe(false);
    const trialsAfterKill = countTrials(store, runId);
    expect(trialsAfterKill).toBeGreaterThanOrEqual(2);

    const resumed = await runCliAsync(['fix', '--resume', runId, '--out', out, '--store', store, '--json']);
    expect(resumed.status).toBe(0);
    const document = JSON.parse(resumed.stdout);
    expect(document.reusedEvaluations).toBe(trialsAfterKill);
    // Every cross-validation is in the store once: the resumed run added only the missing ones.
    const keys = new Database(store, { readonly: true })
      .prepare('SELECT params FROM trials WHERE run_id = ?')
      .all(runId) as { params: string }[];
    expect(new Set(keys.map((row) => row.params)).size).toBe(keys.length);

    const fresh = runCli([
      ...args.slice(0, -4),
      '--out',
      makeTempDir('modeldebug-fix-'),
      '--store',
      join(out, 'other.db'),
      '--json',
    ]);
    const uninterrupted = JSON.parse(fresh.stdout);
    expect(document.changes.map((c: { status: string; gain: number }) => [c.status, c.gain])).toEqual(
      uninterrupted.changes.map((c: { status: string; gain: number }) => [c.status, c.gain]),
    );
  }, 180_000);
});

function countTrials(store: string, runId: string): number {
  const db = new Database(store, { readonly: true });
  const row = db.prepare('SELECT count(*) AS n FROM trials WHERE run_id = ?').get(runId) as { n: number };
  db.close();
  return row.n;
}
