import { predictInClassSpace } from '../core/class-space.js';
import {
  argmaxRows,
  type FittedClassifier,
  type FitWarning,
  type SerializedModel,
} from '../core/estimator.js';
import type { Features } from '../core/features.js';
import type { Matrix } from '../core/matrix.js';
import type { NamedFittedClassifier } from './members.js';
import { hardVoteShares, softVoteAverage } from './vote-kernels.js';
import { VOTING_KIND, type VotingOwnParams } from './voting-params.js';

export interface MemberOutputs {
  readonly name: string;
  /** Codes into the ensemble's classes. */
  readonly predicted: Int32Array;
  /** `rows x classes` in the ensemble's class order. */
  readonly proba: Matrix;
}

export interface FittedVoting extends FittedClassifier {
  readonly own: Readonly<VotingOwnParams>;
  readonly members: readonly NamedFittedClassifier[];
  /** Every member's predictions and probabilities in the ensemble's class space (asked concurrently). */
  memberOutputs(X: Features): Promise<MemberOutputs[]>;
}

export interface SerializedVotingState {
  readonly members: readonly { readonly name: string; readonly model: SerializedModel }[];
}

/**
 * `predictProba` under hard voting gives the weighted vote shares (sklearn has no predict_proba for hard
 * voting; shares keep the contract that rows sum to 1 and that `predict` is their argmax).
 */
export function createFittedVoting(
  own: VotingOwnParams,
  classes: readonly string[],
  members: readonly NamedFittedClassifier[],
): FittedVoting {
  const K = classes.length;
  const weights = own.weights === null ? null : Float64Array.from(own.weights);
  const memberOutputs = (X: Features): Promise<MemberOutputs[]> =>
    Promise.all(
      members.map(async ([name, fitted]) => ({ name, ...(await predictInClassSpace(fitted, X, classes)) })),
    );
  const combine = async (X: Features): Promise<Matrix> => {
    const outputs = await memberOutputs(X);
    const rows = X.rows;
    const data =
      own.voting === 'hard'
        ? hardVoteShares(
            outputs.map((output) => output.predicted),
            weights ?? new Float64Array(outputs.length).fill(1),
            rows,
            K,
          )
        : softVoteAverage(
            outputs.map((output) => output.proba.data),
            weights,
            rows * K,
          );
    return { rows, cols: K, data };
  };
  const warnings: FitWarning[] = members.flatMap(([name, fitted]) =>
    fitted.diagnostics.warnings.map((warning) => ({
      code: warning.code,
      message: `${name}: ${warning.message}`,
    })),
  );
  return {
    kind: VOTING_KIND,
    own,
    classes,
    members,
    diagnostics: { warnings },
    memberOutputs,
    predict: async (X) => argmaxRows(await combine(X)),
    predictProba: combine,
    toJSON(): SerializedModel {
      const state: SerializedVotingState = {
        members: members.map(([name, fitted]) => ({ name, model: fitted.toJSON() })),
      };
      return {
        format: 'modeldebug-model',
        version: 1,
        kind: VOTING_KIND,
        params: own,
        classes: [...classes],
        state,
      };
    },
  };
}
