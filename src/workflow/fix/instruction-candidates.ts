import { writeInstructions } from '../../analysis/llm/propose/index.js';
import { cacheFromParam } from '../../models/llm-classifier/runtime.js';
import type { StageInput } from './candidate-stages.js';
import type { Candidate } from './fix-types.js';
import { keptFeatures } from './fold-scores.js';
import { llmCandidate, llmParamsOf } from './llm-candidate.js';

/**
 * Instructions a proposer writes from the current prompt's out-of-fold errors, grouped by confusion
 * pair (see `propose`). The rows shown to the proposer (at most 9) are left out of the folds' scores,
 * for the current prompt and the candidates alike, as `propose` does: an instruction written to fix
 * those very rows would otherwise be measured on them.
 */
export async function instructionCandidates(input: StageInput): Promise<Candidate[]> {
  const { train, state, llm } = input;
  const params = llmParamsOf(state);
  if (params === undefined || llm?.instructions === 0) return [];
  const proba = await input.currentProba();
  const cacheFile = input.runtime?.cacheFile;
  const nClasses = train.labels.classes.length;
  const dropped = new Set(state.droppedRows);
  const predicted = Int32Array.from(train.labels.codes, (code, row) => {
    if (dropped.has(row)) return code;
    let best = 0;
    for (let k = 1; k < nClasses; k++) {
      if (proba.data[row * nClasses + k] > proba.data[row * nClasses + best]) best = k;
    }
    return best;
  });
  const written = await writeInstructions(
    params,
    keptFeatures(train.features, state),
    train.labels,
    predicted,
    {
      count: llm?.instructions ?? 3,
      proposer: llm?.proposer,
      seed: input.seed,
      // The run store's cache (the CLI's runtime) keeps the proposer's answer for a rerun.
      runtime: llm?.runtime ?? (cacheFile === undefined ? {} : { cache: cacheFromParam(cacheFile) }),
      signal: input.signal,
    },
  );
  return written.instructions.map((system, i) => ({
    ...llmCandidate(
      'llm_instruction_gain',
      'instruction',
      `proposed instruction ${i + 1}: ${JSON.stringify(system.split('\n')[0].slice(0, 80))}`,
      { system },
    ),
    unscoredRows: written.shownRows,
  }));
}
