import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/core/rng.js';
import { runConfigSchema, runWorkflow } from '../../src/workflow/index.js';
import { stepsOff } from '../helpers/steps-off.js';
import { useTempDir } from '../helpers/use-temp-dir.js';

const tempDir = useTempDir();

/** Two informative columns (s1, s2) and `noise` columns of pure noise (n0, n1, …). */
function plantedCsv(rows: number, noise: number, seed: number, separation: number): string {
  const rng = createRng(seed);
  const header = ['s1', 's2', ...Array.from({ length: noise }, (_, k) => `n${k}`), 'y'];
  const lines = [header.join(',')];
  for (let i = 0; i < rows; i++) {
    const k = i % 2;
    const cells = [
      rng.normal() + separation * k,
      rng.normal() + separation * k,
      ...Array.from({ length: noise }, () => rng.normal()),
    ];
    lines.push(`${cells.map((v) => v.toFixed(3)).join(',')},${k ? 'b' : 'a'}`);
  }
  const path = join(tempDir('md-useless-'), 'planted.csv');
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

async function uselessFinding(path: string, model: string) {
  const report = await runWorkflow(
    runConfigSchema.parse({
      data: { train: path, label: 'y' },
      models: [model],
      steps: { ...stepsOff('baseline'), selection: { rfecv: true } },
      jobs: 1,
    }),
  );
  return report.findings.find((finding) => finding.code === 'useless_features');
}

describe('useless_features: a warning only when dropping them was measured to help (issue 14)', () => {
  it('warns, with the verified gain, when RFECV scores higher without the noise columns', async () => {
    // Few rows and many noise columns: a weakly regularized linear model overfits them.
    const finding = await uselessFinding(plantedCsv(120, 60, 3, 2.5), 'scale | logreg(C=10)');
    expect(finding).toBeDefined();
    expect(finding!.impact?.verified).toBe(true);
    expect(finding!.level).toBe('warn');
    expect(finding!.columns.every((name) => name.startsWith('n'))).toBe(true);
    expect(finding!.suggestion).toMatch(/^drop "n\d+"/);
  }, 120_000);

  it('only informs when no drop was measured to help', async () => {
    const finding = await uselessFinding(plantedCsv(600, 4, 2, 1.2), 'scale | logreg');
    expect(finding).toBeDefined();
    expect(finding!.impact?.verified ?? false).toBe(false);
    expect(finding!.level).toBe('info');
  }, 120_000);
});
