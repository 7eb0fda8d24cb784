import type { EnsembleDescriptor } from './ensemble-descriptor.js';
import { ensembleTags } from './ensemble-descriptor.js';
import { loadVoting } from './load-voting.js';
import { createVotingClassifier } from './voting-classifier.js';
import { VOTING_KIND, votingParamsSchema } from './voting-params.js';

export const votingDescriptor: EnsembleDescriptor = {
  role: 'ensemble',
  kind: VOTING_KIND,
  aliases: ['vote'],
  summary:
    "scikit-learn's VotingClassifier over member specs: vote(logreg; gnb; knn, voting=hard|soft, weights=2,1,1)",
  schema: votingParamsSchema,
  create: (members, params) => createVotingClassifier(members, params),
  load: loadVoting,
  // A hard vote gives shares of member votes (a few distinct values); a soft vote averages probabilities.
  tags: (params, members) => ({
    ...ensembleTags(members),
    probabilityQuality: params.voting === 'soft' ? 'uncalibrated' : 'coarse',
  }),
};
