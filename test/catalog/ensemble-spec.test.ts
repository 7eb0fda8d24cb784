import { describe, expect, it } from 'vitest';
import { buildModel, formatModelSpec, parseModelSpec, tagsOf } from '../../src/catalog/index.js';
import { applyParams } from '../../src/selection/index.js';
import { errorCode } from '../helpers/error-code.js';

describe('ensembles in the model-spec grammar', () => {
  it('reads members, own params and a comma list, and writes the same spec back', () => {
    const steps = parseModelSpec(
      'scale | vote(logreg(C=0.1); gnb; knn; knn(n_neighbors=9), voting=soft, weights=2,1,1,1)',
    );
    const vote = steps[1];
    expect(vote.params).toEqual({ voting: 'soft', weights: [2, 1, 1, 1] });
    expect(vote.members?.map((member) => member.name)).toEqual(['logreg', 'gnb', 'knn', 'knn_2']);
    expect(vote.members?.[0].steps).toEqual([{ name: 'logreg', params: { C: 0.1 } }]);
    const text = formatModelSpec(steps);
    expect(text).toBe(
      'scale | vote(logreg(C=0.1); gnb; knn; knn(n_neighbors=9), voting=soft, weights=[2,1,1,1])',
    );
    expect(parseModelSpec(text)).toEqual(steps);
  });

  it('keeps a member pipeline whole and addresses member params with or without the step name', () => {
    const steps = parseModelSpec('stack(onehot | logreg; tree, cv=3)');
    expect(steps[0].members?.[0].steps.map((step) => step.name)).toEqual(['onehot', 'logreg']);
    const patched = applyParams(steps, { 'stack.logreg.C': 0.5, 'tree.max_depth': 2, cv: 4 });
    expect(formatModelSpec(patched)).toBe('stack(onehot | logreg(C=0.5); tree(max_depth=2), cv=4)');
    expect(formatModelSpec(steps)).toBe('stack(onehot | logreg; tree, cv=3)');
    expect(errorCode(() => applyParams(steps, { 'forest.max_depth': 2 }))).toBe('unknown_param');
  });

  it('says what is wrong with members given to a classifier, or an ensemble without them', () => {
    expect(errorCode(() => buildModel(parseModelSpec('logreg(gnb; knn)')))).toBe('invalid_argument');
    expect(errorCode(() => buildModel(parseModelSpec('vote')))).toBe('invalid_argument');
    expect(errorCode(() => parseModelSpec('vote(logreg; ; gnb)'))).toBe('invalid_argument');
  });

  it('tags an ensemble from its voting and its members', () => {
    expect(tagsOf(parseModelSpec('vote(logreg; gnb)')).probabilityQuality).toBe('coarse');
    expect(tagsOf(parseModelSpec('vote(logreg; gnb, voting=soft)')).probabilityQuality).toBe('uncalibrated');
    expect(tagsOf(parseModelSpec('tfidf | vote(logreg; mnb)')).sparseInput).toBe(true);
    expect(tagsOf(parseModelSpec('tfidf | vote(logreg; gnb)')).sparseInput).toBe(false);
    expect(tagsOf(parseModelSpec('stack(logreg; gnb)')).complexity).toEqual([]);
  });
});
