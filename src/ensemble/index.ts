export { type EnsembleDescriptor, ensembleTags } from './ensemble-descriptor.js';
export {
  createFittedStacking,
  type FittedStacking,
  type SerializedStackingState,
} from './fitted-stacking.js';
export {
  createFittedVoting,
  type FittedVoting,
  type MemberOutputs,
  type SerializedVotingState,
} from './fitted-voting.js';
export { loadStacking } from './load-stacking.js';
export { loadVoting } from './load-voting.js';
export { type Agreement, memberAgreement } from './member-agreement.js';
export {
  assertMemberNames,
  ensembleLabels,
  flattenMemberParams,
  type NamedClassifier,
  type NamedFittedClassifier,
  splitEnsemblePatch,
} from './members.js';
export { outOfFoldPredictions } from './out-of-fold.js';
export { type MemberColumns, stackFeatures } from './stack-features.js';
export {
  createStackingClassifier,
  type StackingClassifier,
  type StackingParams,
} from './stacking-classifier.js';
export { stackingDescriptor } from './stacking-descriptor.js';
export {
  parseStackingParams,
  STACKING_KIND,
  type StackingOwnParams,
  stackingParamsSchema,
} from './stacking-params.js';
export { hardVoteShares, softVoteAverage } from './vote-kernels.js';
export { createVotingClassifier, type VotingClassifier, type VotingParams } from './voting-classifier.js';
export { votingDescriptor } from './voting-descriptor.js';
export { parseVotingParams, VOTING_KIND, type VotingOwnParams, votingParamsSchema } from './voting-params.js';
