import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.js';

const store = () => join(mkdtempSync(join(tmpdir(), 'modeldebug-cli-store-')), 'runs.db');

describe('search, curve, vcurve and runs on the command line', () => {
  it('search --json gives cv_results, failed trials with their errors, and a run to show', () => {
    const path = store();
    const search = runCli([
      'search',
      '--example',
      'iris',
      '--model',
      'scale | logreg(solver=lbfgs)',
      '--grid',
      'penalty=l1,l2',
      '--grid',
      'C=0.1,1',
      '--jobs',
      '1',
      '--store',
      path,
      '--json',
    ]);
    expect(search.stderr).toBe('');
    expect(search.status).toBe(0);
    const json = JSON.parse(search.stdout);
    expect(json.cvResults.params).toEqual([
      { C: 0.1, penalty: 'l1' },
      { C: 0.1, penalty: 'l2' },
      { C: 1, penalty: 'l1' },
      { C: 1, penalty: 'l2' },
    ]);
    expect(json.cvResults.status).toEqual(['failed', 'ok', 'failed', 'ok']);
    expect(json.cvResults.meanTestScore[0]).toBeNull();
    expect(json.cvResults.rankTestScore).toEqual([null, 2, null, 1]);
    expect(json.failedTrials[0].error).toMatch(/solver 'lbfgs' supports only penalty 'l2'/);
    expect(json.bestParams).toEqual({ C: 1, penalty: 'l2' });

    const list = runCli(['runs', '--store', path, '--json']);
    expect(JSON.parse(list.stdout).runs[0]).toMatchObject({ id: json.runId, status: 'done', trialCount: 4 });
    const show = runCli(['runs', 'show', json.runId, '--store', path]);
    expect(show.stdout).toContain(`run ${json.runId}: search, done, 4 trials stored`);
    expect(show.stdout).toContain('failed');
    const missing = runCli(['runs', 'show', 'nope', '--store', path]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/no run "nope"/);
  });

  it('curve and vcurve print scores, failures and a verdict; --json has sklearn names', () => {
    const curve = runCli([
      'curve',
      '--example',
      'iris',
      '--model',
      'scale | logreg',
      '--jobs',
      '1',
      '--no-probe',
      '--no-shuffle',
    ]);
    expect(curve.status).toBe(0);
    // iris is sorted by species: in file order the smallest training sets hold one class.
    expect(curve.stdout).toContain('Failed fits (10), scored n/a:');
    expect(curve.stdout).toMatch(/^verdict: /m);
    expect(curve.stdout).toMatch(/^next step: /m);
    // Shuffled (the default), every size holds every class.
    const shuffled = runCli(['curve', '--example', 'iris', '--model', 'scale | logreg', '--jobs', '1']);
    expect(shuffled.status).toBe(0);
    expect(shuffled.stdout).not.toContain('Failed fits');
    const vcurve = runCli([
      'vcurve',
      '--example',
      'breast_cancer',
      '--model',
      'scale | logreg(C=10)',
      '--param',
      'C',
      '--values',
      '0.1,1,10',
      '--jobs',
      '2',
      '--json',
      '--store',
      store(),
    ]);
    expect(vcurve.stderr).toBe('');
    const json = JSON.parse(vcurve.stdout);
    expect(json.paramRange).toEqual([0.1, 1, 10]);
    expect(json.testScores).toHaveLength(3);
    // +1.2 pp over C=10 with a 95 % interval that includes 0: reported, not recommended.
    expect(json.verdict.verified).toBe(false);
    expect(json.verdict.nextStep).toMatch(
      /^C=1 changed CV accuracy by \+1\.2 pp \(95 % CI -0\.6 to \+3\.1 pp\) over the current C=10 .*: within fold-to-fold noise/,
    );
  });

  it('explains a bad search space in one line', () => {
    const result = runCli(['search', '--example', 'iris', '--grid', 'scale.kind=minmax', '--store', store()]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^modeldebug: error: .*no step "scale"/);
  });
});
