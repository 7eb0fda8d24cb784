import { describe, expect, it } from 'vitest';
import { formatModelSpec, parseModelSpec } from '../../src/catalog/index.js';

describe('formatModelSpec writes strings parseModelSpec reads back (fix.yaml holds proposed prompts)', () => {
  it.each([
    'plain',
    'Classify, carefully, each email.\nLabels:\n{{labels}}',
    '{{text}}',
    'true',
    '0.5',
    ' padded ',
    "it's (ok) | yes; no",
    'say "ham" or [spam]',
    'x=y',
  ])('round-trips %j', (value) => {
    const steps = [{ name: 'llm', params: { model: 'm', system: value } }];
    expect(parseModelSpec(formatModelSpec(steps))).toEqual(steps);
  });

  it('still reads a bare comma list as a list (ensemble weights) and a quoted one as one string', () => {
    expect(parseModelSpec('vote(logreg; gnb, weights=2,1)')[0].params.weights).toEqual([2, 1]);
    expect(parseModelSpec("llm(system='a, b')")[0].params.system).toBe('a, b');
  });
});
