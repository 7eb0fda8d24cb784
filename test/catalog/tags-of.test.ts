import { describe, expect, it } from 'vitest';
import {
  buildModel,
  CLASSIFIERS,
  complexityControls,
  parseModelSpec,
  TRANSFORMERS,
  tagsOf,
  tuningOf,
} from '../../src/catalog/index.js';
import { isModeldebugError } from '../../src/core/errors.js';

const steps = (spec: string) => parseModelSpec(spec);

describe('tagsOf', () => {
  it('answers for the final classifier under any of its names, with what the transforms change', () => {
    const linear = tagsOf(steps('impute | scale | logreg(C=0.1)'));
    expect(linear.kind).toBe('logistic-regression');
    expect(linear.linearCoefficients).toBe(true);
    expect(linear.warmStart).toBe(true);
    expect(linear.reshapesColumns).toBe(false);
    expect([...linear.handles]).toEqual(['missing-values']);
    expect(tagsOf(steps('logistic-regression')).kind).toBe('logistic-regression');

    const encoded = tagsOf(steps('onehot | tree'));
    expect(encoded.featureImportances).toBe(true);
    expect(encoded.linearCoefficients).toBe(false);
    expect(encoded.reshapesColumns).toBe(true);
    expect(tagsOf(steps('tfidf | mnb')).sparseInput).toBe(true);
    expect(tagsOf(steps('llm(model=m)')).rawColumns).toBe(true);
    expect(tagsOf(steps('mlp')).trainsByEpochs).toBe(true);
    expect(tagsOf(steps('sgd-classifier')).trainsByEpochs).toBe(true);
    expect(tagsOf(steps('forest')).trainsByEpochs).toBe(false);
  });

  it('names an unknown final step in a ModeldebugError', () => {
    expect.assertions(2);
    try {
      tagsOf(steps('scale | nope'));
    } catch (error) {
      expect(isModeldebugError(error)).toBe(true);
      expect(String(error)).toContain('"nope" is not a classifier');
    }
  });
});

describe('complexityControls', () => {
  it('gives the direction of each complexity param, addressed by the step name the user wrote', () => {
    expect(
      complexityControls(steps('scale | logreg')).map(({ step, param, moreComplexWhen }) => [
        step,
        param,
        moreComplexWhen,
      ]),
    ).toEqual([['logreg', 'C', 'up']]);
    expect(complexityControls(steps('tree'))[0]).toMatchObject({
      step: 'tree',
      param: 'max_depth',
      moreComplexWhen: 'up',
    });
    expect(complexityControls(steps('knn'))[0]).toMatchObject({
      param: 'n_neighbors',
      moreComplexWhen: 'down',
    });
    expect(complexityControls(steps('mnb'))[0]).toMatchObject({ param: 'alpha', moreComplexWhen: 'down' });
    expect(complexityControls(steps('llm(model=m)'))).toEqual([]);
  });

  it('lists only params the model has, and every probe value builds a valid model', () => {
    for (const entry of CLASSIFIERS) {
      for (const control of entry.tags.complexity) {
        expect(Object.keys(entry.schema.shape), `${entry.kind}.${control.param}`).toContain(control.param);
        expect(control.probeValues.length).toBeGreaterThan(1);
        for (const value of control.probeValues) {
          const model = buildModel([{ name: entry.aliases[0], params: { [control.param]: value } }]);
          expect((model.params as Record<string, unknown>)[control.param]).toEqual(value);
        }
      }
    }
  });
});

describe('the catalog', () => {
  it('gives every name to one entry only', () => {
    const names = [...CLASSIFIERS, ...TRANSFORMERS].flatMap((entry) => [
      ...new Set([entry.kind, ...entry.aliases]),
    ]);
    expect(new Set(names).size).toBe(names.length);
  });

  it("takes a tuning plan's defaults from the model's own schema, and its grid keys are params", () => {
    const tuning = tuningOf(steps('scale | logreg'));
    expect(tuning?.defaults).toEqual({ C: 1, penalty: 'l2' });
    expect(tuningOf(steps('llm(model=m)'))).toBeUndefined();
    for (const entry of CLASSIFIERS) {
      for (const axis of entry.tuning?.grid ?? []) {
        expect(Object.keys(entry.schema.shape)).toContain(axis.slice(0, axis.indexOf('=')));
      }
      if (entry.tuning) expect(Object.keys(entry.schema.shape)).toContain(entry.tuning.curve.param);
    }
  });
});
