import type { Classifier, FitContext } from '../core/estimator.js';
import { createFittedVoting, type FittedVoting } from './fitted-voting.js';
import {
  assertMemberNames,
  ensembleLabels,
  flattenMemberParams,
  type NamedClassifier,
  type NamedFittedClassifier,
  splitEnsemblePatch,
} from './members.js';
import { parseVotingParams, VOTING_KIND, type VotingOwnParams } from './voting-params.js';

/** Flat params: `voting`, `weights`, and each member's `<name>.<param>`. */
export type VotingParams = Readonly<Record<string, unknown>>;

export interface VotingClassifier extends Classifier<VotingParams> {
  readonly estimators: readonly NamedClassifier[];
  readonly own: Readonly<VotingOwnParams>;
  withParams(patch: Partial<VotingParams>): VotingClassifier;
  fit(...args: Parameters<Classifier['fit']>): Promise<FittedVoting>;
}

/**
 * scikit-learn's VotingClassifier. Members are any Classifiers — remote or LLM ones too — so they are
 * fitted and asked concurrently and only through their async methods, never assumed numeric or local.
 * Hard voting: the class with the largest total member weight; soft: the weighted mean of probabilities.
 */
export function createVotingClassifier(
  estimators: readonly NamedClassifier[],
  params: Partial<VotingOwnParams> | Readonly<Record<string, unknown>> = {},
): VotingClassifier {
  assertMemberNames(
    VOTING_KIND,
    estimators.map(([name]) => name),
    1,
  );
  const own = parseVotingParams(params, estimators.length);
  return {
    kind: VOTING_KIND,
    estimators,
    own,
    params: Object.freeze({ ...own, ...flattenMemberParams(estimators) }),
    withParams(patch) {
      const split = splitEnsemblePatch(VOTING_KIND, ['voting', 'weights'], estimators, patch);
      const members = estimators.map(([name, estimator], index): NamedClassifier => {
        const memberPatch = split.byMember.get(index);
        return [name, memberPatch === undefined ? estimator : estimator.withParams(memberPatch)];
      });
      return createVotingClassifier(members, { ...own, ...split.own });
    },
    async fit(X, y, context: FitContext = {}) {
      const present = ensembleLabels(VOTING_KIND, X.rows, y);
      const fitted = await Promise.all(
        estimators.map(
          async ([name, estimator]): Promise<NamedFittedClassifier> => [
            name,
            await estimator.fit(X, present, context),
          ],
        ),
      );
      return createFittedVoting(own, present.classes, fitted);
    },
  };
}
