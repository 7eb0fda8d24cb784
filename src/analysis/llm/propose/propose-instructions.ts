import type { Features } from '../../../core/features.js';
import { type FindingRecord, isVerifiedGain } from '../../../core/finding-record.js';
import type { Labels } from '../../../core/labels.js';
import { pairedGain } from '../../../metrics/paired-gain.js';
import { createLlmClassifier, type LlmClassifier } from '../../../models/llm-classifier/llm-classifier.js';
import type { LlmClassifierParams } from '../../../models/llm-classifier/params.js';
import { cacheFromParam, engineFor, type LlmRuntime } from '../../../models/llm-classifier/runtime.js';
import { type CandidateParams, concurrentExecutor, search } from '../../../selection/index.js';
import type { Fold } from '../../../splits/fold.js';
import { llmOutOfFold } from '../llm-out-of-fold.js';
import type { ConfusionExamples } from './confusion-examples.js';
import { listedCandidates } from './listed-candidates.js';
import { bootstrappedSets, writeInstructions } from './write-instructions.js';

export interface ProposeOptions {
  /** The folds every candidate is scored on (the rows shown to the proposer are left out of scoring). */
  readonly folds: readonly Fold[];
  /** Who writes the instructions; default the classifier's own endpoint and model. */
  readonly proposer?: LlmClassifierParams;
  /** Instructions asked of the proposer; default 4. */
  readonly instructions?: number;
  /** Bootstrapped few-shot sets, one per seed; default 2 (0: none). */
  readonly demoSets?: number;
  /** Examples per bootstrapped set; default 4. */
  readonly demoK?: number;
  /** Confusion pairs and rows per pair shown to the proposer; default 3 and 3. */
  readonly maxPairs?: number;
  readonly perPair?: number;
  readonly seed?: number;
  /** fetch, env and cache for every call (the candidates' and the proposer's). */
  readonly runtime?: LlmRuntime;
  readonly signal?: AbortSignal;
  readonly progress?: (message: string) => void;
}

export interface ProposedCandidate {
  readonly kind: 'instruction' | 'demos';
  readonly name: string;
  /** The params it changes on the classifier. */
  readonly patch: Readonly<Partial<LlmClassifierParams>>;
  /** Mean fold accuracy; null when a fold failed. */
  readonly accuracy: number | null;
  readonly foldScores: readonly (number | null)[];
  /** Paired over folds, candidate − current, with its 95 % t-interval; null when not measurable. */
  readonly gain: { readonly mean: number; readonly low: number; readonly high: number } | null;
  readonly verified: boolean;
  readonly error?: string;
}

export interface ProposeResult {
  readonly baseline: { readonly accuracy: number; readonly foldScores: readonly (number | null)[] };
  readonly currentInstruction: string;
  readonly pairs: readonly ConfusionExamples[];
  /** Training rows the proposer saw (0-based): never scored. */
  readonly shownRows: readonly number[];
  readonly candidates: readonly ProposedCandidate[];
  /** The verified candidate with the largest mean gain, or null when none is verified. */
  readonly kept: ProposedCandidate | null;
  /** The classifier's params with the kept change applied. */
  readonly keptParams: LlmClassifierParams | null;
  readonly findings: readonly FindingRecord[];
}

/**
 * Proposed instructions and bootstrapped few-shot sets for an LLM classifier (issue 19, item 4). The
 * proposer reads the training rows the classifier gets wrong, grouped by confusion pair, and writes
 * candidate instructions; bootstrapped sets take as examples training rows the model answers right
 * (drawn inside each fold). Every candidate goes through the search core on the same folds as the
 * current prompt, and only a paired gain whose 95 % lower bound is above zero is kept.
 */
export async function proposeInstructions(
  model: LlmClassifier,
  X: Features,
  y: Labels,
  options: ProposeOptions,
): Promise<ProposeResult> {
  const seed = options.seed ?? 0;
  const params = model.params;
  const given = options.runtime ?? {};
  // One engine for every candidate: one limiter bounds the calls in flight, and one cache answers the
  // current prompt's second pass (in the search) and any prompt two candidates share.
  const cache = given.cache === null ? undefined : (given.cache ?? cacheFromParam(params.cache));
  const runtime: LlmRuntime = { ...given, engine: given.engine ?? engineFor(params, given, cache) };
  options.progress?.('answering the training rows out of fold with the current prompt');
  const currentModel = createLlmClassifier(params, runtime);
  const current = await llmOutOfFold(currentModel, X, y, options.folds, options.signal);
  const wanted = options.instructions ?? 4;
  if (wanted > 0) options.progress?.(`asking the proposer for ${wanted} instructions`);
  const { currentInstruction, pairs, shownRows, instructions } = await writeInstructions(
    params,
    X,
    y,
    current.predicted,
    { ...options, count: wanted, seed, runtime },
  );
  const listed: { kind: ProposedCandidate['kind']; name: string; patch: Partial<LlmClassifierParams> }[] = [
    ...instructions.map((system, i) => ({
      kind: 'instruction' as const,
      name: `proposed instruction ${i + 1}`,
      patch: { system },
    })),
    ...bootstrappedSets(options.demoK ?? 4, options.demoSets ?? 2, seed).map((set) => ({
      kind: 'demos' as const,
      ...set,
    })),
  ];
  const shown = new Set(shownRows);
  const scoredFolds = options.folds.map((fold) => ({
    train: fold.train,
    test: fold.test.filter((row) => !shown.has(row)),
  }));
  options.progress?.(`scoring ${listed.length} candidates and the current prompt on the same folds`);
  const searched = await search(X, y, {
    steps: [{ name: 'llm', params: { ...params } }],
    strategy: listedCandidates([{}, ...listed.map((candidate) => candidate.patch as CandidateParams)]),
    cv: scoredFolds,
    scoring: 'accuracy',
    refit: false,
    signal: options.signal,
    executor: concurrentExecutor(
      { features: X, labels: y },
      { signal: options.signal, build: { llm: runtime } },
    ),
  });
  const [baselineTrial, ...trials] = searched.trials;
  const candidates = listed.map((candidate, k): ProposedCandidate => {
    const trial = trials[k];
    const gain = trial.status === 'ok' ? pairedGain(trial.testScores, baselineTrial.testScores) : null;
    return {
      ...candidate,
      accuracy: trial.meanTestScore,
      foldScores: trial.testScores,
      gain,
      verified: gain !== null && isVerifiedGain(gain.low),
      ...(trial.error === undefined ? {} : { error: trial.error }),
    };
  });
  const kept = candidates
    .filter((candidate) => candidate.verified)
    .reduce<ProposedCandidate | null>(
      (best, candidate) =>
        best === null || (candidate.gain?.mean ?? 0) > (best.gain?.mean ?? 0) ? candidate : best,
      null,
    );
  return {
    baseline: { accuracy: baselineTrial.meanTestScore ?? Number.NaN, foldScores: baselineTrial.testScores },
    currentInstruction,
    pairs,
    shownRows,
    candidates,
    kept,
    keptParams: kept === null ? null : model.withParams(kept.patch).params,
    findings: kept === null ? [] : [instructionFinding(kept, X)],
  };
}

function instructionFinding(kept: ProposedCandidate, X: Features): FindingRecord {
  const gain = kept.gain as NonNullable<ProposedCandidate['gain']>;
  const points = (value: number) => (value * 100).toFixed(1);
  return {
    code: 'llm_instruction_gain',
    level: 'warn',
    message: `${kept.name} raises accuracy by ${points(gain.mean)} points (95 % CI ${points(gain.low)} to ${points(gain.high)}) over the current prompt, paired over the same folds`,
    suggestion:
      kept.kind === 'instruction'
        ? 'use the proposed instruction as the system prompt (system=@FILE), then re-run robust and eval on untouched rows'
        : `use few_shot_k=${kept.patch.few_shot_k}, few_shot_selection=bootstrapped, random_state=${kept.patch.random_state}, then check on untouched rows`,
    columns: X.columns.filter((column) => column.kind === 'text').map((column) => column.name),
    rows: [],
    impact: { metric: 'accuracy', gain: gain.mean, ciLow: gain.low, ciHigh: gain.high, verified: true },
  };
}
