import { describe, expect, it } from 'vitest';
import { abbreviatedModelSpecs, abbreviateModelSpec, MAX_MODEL_NAME } from '../../src/report/model-names.js';

const LONG =
  'impute(strategy=median, categorical_strategy=most_frequent) | onehot | scale | knn(n_neighbors=7)';

describe('abbreviated model names', () => {
  it('keeps short specs and drops the params of long ones, splitting only on top-level pipes', () => {
    expect(abbreviateModelSpec('scale | logreg(C=0.1)')).toBe('scale | logreg(C=0.1)');
    expect(abbreviateModelSpec(LONG)).toBe('impute(…) | onehot | scale | knn(…)');
    const llm = 'llm(model=gpt-4o-mini, template="{{a}} | {{b}}", temperature=0, max_tokens=5) | x';
    expect(abbreviateModelSpec(llm)).toBe('llm(…) | x');
    for (const spec of [LONG, llm])
      expect(abbreviateModelSpec(spec).length).toBeLessThanOrEqual(MAX_MODEL_NAME);
  });

  it('tells specs apart that abbreviate alike: the last step keeps its params, else the full spec', () => {
    const other = LONG.replace('n_neighbors=7', 'n_neighbors=15');
    expect(abbreviatedModelSpecs([LONG, other, 'gnb'])).toEqual([
      '… | knn(n_neighbors=7)',
      '… | knn(n_neighbors=15)',
      'gnb',
    ]);
    const sameEnd = LONG.replace('median', 'mean');
    expect(abbreviatedModelSpecs([LONG, sameEnd])).toEqual([LONG, sameEnd]);
  });
});
