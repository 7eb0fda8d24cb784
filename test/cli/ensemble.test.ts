import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

describe('modeldebug ensemble', () => {
  it('reports each member, the vote, stacking and the pairwise agreement as JSON', () => {
    const result = runCli([
      'ensemble',
      '--example',
      'iris',
      '--models',
      'scale | logreg;gnb;knn(n_neighbors=7)',
      '--voting',
      'soft',
      '--weights',
      '2,1,1',
      '--stack',
      '--json',
    ]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.members.map((member: { name: string }) => member.name)).toEqual(['logreg', 'gnb', 'knn']);
    // sklearn 1.2.1, cross_val_score(StratifiedKFold(5)) on iris: GaussianNB 0.9533.
    expect(report.members[1].accuracyMean).toBeCloseTo(0.9533333333, 9);
    expect(report.voting.name).toBe('voting (soft, weights 2,1,1)');
    expect(report.stacking.foldAccuracies).toHaveLength(5);
    expect(report.agreement.pairwise[0][0]).toBe(1);
    expect(report.findings.map((finding: { code: string }) => finding.code)).toContain('members_agree');
  });

  it('prints a table and says plainly when members nearly always agree', () => {
    const result = runCli(['ensemble', '--example', 'wine', '--models', 'gnb;gnb(var_smoothing=1e-8)']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('gnb_2');
    expect(result.stdout).toContain('pairwise agreement of out-of-fold predictions');
    expect(result.stdout).toContain('nearly always agree');
  });

  it('takes the members from a repeated --model, as every other command does (--models stays an alias)', () => {
    const repeated = runCli([
      'ensemble',
      '--example',
      'iris',
      '--model',
      'scale | logreg',
      '--model',
      'gnb',
      '--json',
    ]);
    const alias = runCli(['ensemble', '--example', 'iris', '--models', 'scale | logreg;gnb', '--json']);
    expect(repeated.status).toBe(0);
    const members = (stdout: string) => JSON.parse(stdout).members.map((m: { spec: string }) => m.spec);
    expect(members(repeated.stdout)).toEqual(['scale | logreg', 'gnb']);
    expect(JSON.parse(repeated.stdout).members).toEqual(JSON.parse(alias.stdout).members);
    const one = runCli(['ensemble', '--example', 'iris', '--model', 'gnb']);
    expect(one.status).toBe(2);
    expect(one.stderr).toMatch(/^modeldebug: error: --model: an ensemble needs at least 2 members, got 1/);
  });

  it('rejects weights that do not match the members in one line', () => {
    const result = runCli(['ensemble', '--example', 'iris', '--models', 'gnb;knn', '--weights', '1,2,3']);
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('--weights');
  });
});
