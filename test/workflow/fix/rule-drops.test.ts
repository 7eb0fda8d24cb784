import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseModelSpec } from '../../../src/catalog/index.js';
import { prepareFixData, runFix } from '../../../src/workflow/fix/index.js';
import { fixturePath } from '../../helpers/fixtures.js';
import { useTempDir } from '../../helpers/use-temp-dir.js';

/**
 * The two drops kept by rule instead of by gain (a leak scoring ≥ 0.99, an identifier beyond doubt) say
 * what they measured, and the rules stay narrow: a weaker leak is judged by its gain like anything else.
 */
const dir = fixturePath('fix');
const makeTempDir = useTempDir();

async function dropColumns(train: string, test: string) {
  const data = await prepareFixData({ train, test, label: 'y', testSize: 0.2, seed: 0 });
  return runFix(data, parseModelSpec('scale | logreg'), {
    metric: 'accuracy',
    cv: 5,
    seed: 0,
    nBoot: 100,
    remedies: ['drop-columns'],
  });
}

describe('drops kept by rule', () => {
  it('the leak rule records the leak score and the threshold it reached, and the CV cost it overrides', async () => {
    const result = await dropColumns(join(dir, 'leak_train.csv'), join(dir, 'leak_test.csv'));
    const [change] = result.changes;
    expect(change.status).toBe('kept');
    expect(change.rule).toMatchObject({ rule: 'leak', threshold: 0.99 });
    expect(change.rule?.leakScore).toBeGreaterThanOrEqual(0.99);
    expect(change.reason).toContain(`leak score ${change.rule?.leakScore?.toFixed(3)}`);
    // Kept though cross-validation says dropping it costs points: that is the rule, shown not hidden.
    expect(change.ciHigh).toBeLessThan(0);
  }, 60_000);

  it('the identifier rule records the run of row numbers it saw', async () => {
    const result = await dropColumns(join(dir, 'id_train.csv'), join(dir, 'id_test.csv'));
    const [change] = result.changes;
    expect(change.status).toBe('kept');
    expect(change.rule).toEqual({
      rule: 'identifier',
      evidence: 'holds the row numbers 0…799 on the training rows',
    });
  }, 60_000);

  it('a leak in the warn band (score 0.95–0.99) is no rule: CV rewards it, so it stays', async () => {
    const out = makeTempDir('modeldebug-fix-rule-');
    const withHint = (file: string, agree: number) => {
      const [header, ...lines] = readFileSync(join(dir, file), 'utf8').trim().split('\n');
      // Every `agree`-th row disagrees (a fixed pattern): 1/60 → leak score about 0.97.
      const rows = lines.map((line, i) => {
        const yes = line.endsWith(',yes');
        return `${(i % agree === 0 ? !yes : yes) ? 1 : 0},${line}`;
      });
      const path = join(out, file);
      writeFileSync(path, `hint,${header}\n${rows.join('\n')}\n`);
      return path;
    };
    const result = await dropColumns(withHint('clean_train.csv', 60), withHint('clean_test.csv', 60));
    const [change] = result.changes;
    expect(change.code).toBe('target_leak');
    expect(change.columns).toEqual(['hint']);
    expect(change.description).toMatch(/leak score 0\.9[5-8]\d/);
    expect(change.rule).toBeNull();
    expect(change.status).toBe('rejected');
    expect(result.final.droppedColumns).toEqual([]);
  }, 60_000);
});
