import type { z } from 'zod';
import type { ClassifierTags } from '../core/capability-tags.js';
import type { Classifier, FittedClassifier, SerializedModel } from '../core/estimator.js';
import type { NamedClassifier } from './members.js';

/**
 * An ensemble as the catalog knows it: a classifier built from member classifiers (written
 * `vote(logreg; gnb; knn, voting=soft)` in a model spec), restored with the catalog's `loadModel` for
 * its members, and tagged from its members' tags.
 */
export interface EnsembleDescriptor {
  readonly role: 'ensemble';
  readonly kind: string;
  readonly aliases: readonly string[];
  readonly summary: string;
  readonly schema: z.ZodObject;
  create(members: readonly NamedClassifier[], params: Readonly<Record<string, unknown>>): Classifier;
  load(
    serialized: SerializedModel,
    loadMember: (member: SerializedModel) => FittedClassifier,
  ): FittedClassifier;
  tags(params: Readonly<Record<string, unknown>>, members: readonly ClassifierTags[]): ClassifierTags;
}

/** What no ensemble has as a whole: coefficients, importances, epochs, a warm start, a complexity param. */
export function ensembleTags(members: readonly ClassifierTags[]): Omit<ClassifierTags, 'probabilityQuality'> {
  return {
    linearCoefficients: false,
    featureImportances: false,
    trainsByEpochs: false,
    sparseInput: members.every((tags) => tags.sparseInput),
    rawColumns: false,
    penaltyPath: false,
    // A vote over an LLM member waits on its endpoint like the member does.
    waitsOnEndpoint: members.some((tags) => tags.waitsOnEndpoint),
    warmStart: false,
    complexity: [],
  };
}
