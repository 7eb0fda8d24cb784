import {
  compareEnsembleFromOutOfFold,
  type EnsembleComparison,
  formatGain,
  impactOf,
  type MemberOutOfFold,
} from '../../analysis/index.js';
import { buildModel } from '../../catalog/index.js';
import { pairedGain } from '../../metrics/index.js';
import { crossValidate } from '../../selection/index.js';
import { stratifiedKFold } from '../../splits/index.js';
import type { PlannedModel } from '../model-plans.js';
import type { EnsembleSection, RunFinding } from '../report-types.js';
import type { StepInput } from '../step-context.js';
import { optionsOf, type RunState, type WorkflowStep } from '../workflow-step.js';

/**
 * Does a vote (and stacking) over the compared models beat the best of them? Same folds for all: the
 * comparison's, on the training rows, so every member the comparison already cross-validated is reused
 * as it is (its out-of-fold outputs) and only a member it did not see (the tuned model) is fitted here.
 */
export async function runEnsembleStep(
  input: StepInput,
  members: readonly PlannedModel[],
  options: { readonly voting: 'hard' | 'soft'; readonly stack: boolean },
): Promise<{ section: EnsembleSection; findings: RunFinding[] } | { skipped: string }> {
  if (members.length < 2) return { skipped: 'an ensemble needs at least 2 models that fit' };
  const names = memberNames(members);
  const comparison = await compareMembers(input, members, names, options);
  const bestMember = comparison.members.reduce((a, b) => (b.accuracy.mean > a.accuracy.mean ? b : a));
  const ensemble =
    comparison.stacking && comparison.stacking.accuracy.mean > comparison.voting.accuracy.mean
      ? comparison.stacking
      : comparison.voting;
  const gain = ensemble.accuracy.mean - bestMember.accuracy.mean;
  const section: EnsembleSection = {
    voting: options.voting,
    members: comparison.members.map((member, m) => ({
      name: member.name,
      spec: members[m].spec,
      accuracy: member.accuracy,
    })),
    vote: { name: comparison.voting.name, accuracy: comparison.voting.accuracy },
    stacking: comparison.stacking
      ? { name: comparison.stacking.name, accuracy: comparison.stacking.accuracy }
      : null,
    oracleAccuracy: comparison.agreement.oracleAccuracy,
    allWrong: comparison.agreement.allWrong,
    gain,
    findings: comparison.findings.map((finding) => finding.message),
  };
  const paired = pairedGain(ensemble.foldAccuracies, bestMember.foldAccuracies);
  const pct = (value: number) => `${(value * 100).toFixed(1)}%`;
  // A vote that does not beat its best member beyond fold noise is a result for the section only.
  const findings: RunFinding[] =
    paired !== null && paired.low > 0
      ? [
          {
            section: 'ensemble',
            code: 'ensemble_gain',
            level: 'info',
            message: `Ensemble: ${ensemble.name} scores CV accuracy ${pct(ensemble.accuracy.mean)}, ${formatGain(paired)} over the best member ${bestMember.name} (${pct(bestMember.accuracy.mean)}) on the same folds.`,
            suggestion: `use the ${ensemble.name.split(' ')[0]} ensemble: its gain is above fold-to-fold noise`,
            columns: [],
            rows: [],
            impact: impactOf('accuracy', paired),
            stake: paired.mean,
          },
        ]
      : [];
  return { section, findings };
}

/** Members named after their classifier step (`knn`, `knn_2`, … when repeated), as `modeldebug ensemble`. */
function memberNames(members: readonly PlannedModel[]): string[] {
  const seen = new Map<string, number>();
  return members.map((model) => {
    const base = model.steps[model.steps.length - 1].name;
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return count === 1 ? base : `${base}_${count}`;
  });
}

/**
 * Cost: (members not in the comparison) × folds fits, plus one final-estimator fit per fold for
 * stacking — instead of members × folds × (inner folds + 2) for a refit nested stacking.
 */
async function compareMembers(
  input: StepInput,
  members: readonly PlannedModel[],
  names: readonly string[],
  options: { readonly voting: 'hard' | 'soft'; readonly stack: boolean },
): Promise<EnsembleComparison> {
  const { features, labels } = input.train;
  const { folds } = stratifiedKFold(labels.codes, input.config.cv, {
    shuffle: true,
    seed: input.config.seed,
  });
  const outputs: MemberOutOfFold[] = [];
  const missing = members.filter((model) => !input.outOfFold?.has(model.spec)).length;
  let fitted = 0;
  input.onFits(0, missing * folds.length);
  for (const [m, model] of members.entries()) {
    const known = input.outOfFold?.get(model.spec);
    if (known) {
      outputs.push({ ...known, name: names[m] });
      continue;
    }
    const done = fitted;
    const run = await crossValidate(buildModel(model.steps, input.build), features, labels, {
      cv: folds,
      returnPredictions: true,
      signal: input.signal,
      onFoldDone: (fold) => input.onFits(done + fold, missing * folds.length),
    });
    fitted += folds.length;
    const outOfFold = run.outOfFold as NonNullable<typeof run.outOfFold>;
    outputs.push({
      name: names[m],
      foldAccuracies: run.folds.map((fold) => fold.test.accuracy),
      ...outOfFold,
    });
  }
  return compareEnsembleFromOutOfFold(outputs, labels, {
    voting: options.voting,
    weights: null,
    stack: options.stack,
    folds,
    signal: input.signal,
  });
}

/** The tuned model stands in for the best one among the members. */
function ensembleMembers(state: RunState): PlannedModel[] {
  return state.compared.map((model) => (model === state.best ? state.tuned : model));
}

export const ensembleStep: WorkflowStep = {
  id: 'ensemble',
  detail: ({ state }) => `ensembles of ${ensembleMembers(state).length} models`,
  async run({ input, state }) {
    const result = await runEnsembleStep(input, ensembleMembers(state), optionsOf(input.config, 'ensemble'));
    if ('skipped' in result) return result;
    return { sections: { ensemble: result.section }, findings: result.findings };
  },
};
