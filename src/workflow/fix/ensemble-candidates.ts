import { ENSEMBLES, formatModelSpec, parseModelSpec, type StepSpec } from '../../catalog/index.js';
import { classifierKind, defaultModels } from '../model-plans.js';
import type { StageInput } from './candidate-stages.js';
import type { Candidate, FixState } from './fix-types.js';
import { keptFeatures } from './fold-scores.js';

/**
 * A soft vote and a stack (scikit-learn's StackingClassifier: a logistic regression on the members'
 * out-of-fold probabilities) of the current pipeline and the two default models of other kinds that
 * score best on the fix's folds (ties to the earlier model): different inductive biases, so an ensemble
 * has something to gain; the stack can also learn to discount a member whose probabilities mislead.
 */
export async function ensembleCandidates(input: StageInput): Promise<Candidate[]> {
  const { train, state } = input;
  const kind = classifierKind(state.steps);
  if (ENSEMBLES.some((entry) => entry.kind === kind) || state.calibration || state.threshold !== undefined) {
    return [];
  }
  const others = defaultModels({ ...train, features: keptFeatures(train.features, state) }).filter(
    (model) => model.kind !== kind,
  );
  const scored: { steps: StepSpec[]; spec: string; score: number }[] = [];
  for (const model of others) {
    scored.push({ ...model, score: await input.meanScore({ ...state, steps: model.steps }) });
  }
  const partners = scored.sort((a, b) => b.score - a.score).slice(0, 2);
  if (partners.length < 2) return [];
  const members = [formatModelSpec([...state.steps]), ...partners.map((partner) => partner.spec)];
  // One spec each (`vote(a; b; c, voting=soft)`), so fix.yaml and `eval --model @model.json` can say it.
  const ensembles = [
    { spec: `vote(${members.join('; ')}, voting=soft)`, verb: 'soft-vote' },
    { spec: `stack(${members.join('; ')}, cv=${input.folds.length})`, verb: 'stack' },
  ];
  return ensembles.map(({ spec, verb }) => {
    const steps = parseModelSpec(spec);
    return {
      code: 'ensemble_gain' as const,
      remedy: 'ensemble' as const,
      description: `${verb} ${members[0]} with ${members.slice(1).join(' and ')}`,
      columns: [],
      rows: [],
      apply: (current: FixState) => ({ ...current, steps }),
    };
  });
}
