import type { TokenLogprob } from '../../llm/provider/chat-types.js';
import { normaliseLabel } from './parse-answer.js';

/**
 * Class probabilities from the first answer token's alternatives: each alternative's probability goes to
 * the labels it begins (shared equally when several labels start alike), then the label masses are
 * renormalised. `undefined` when no alternative begins any label (or the endpoint sent no logprobs).
 */
export function probabilitiesFromLogprobs(
  logprobs: readonly TokenLogprob[] | undefined,
  classes: readonly string[],
): Float64Array | undefined {
  const first = logprobs?.find((token) => token.token.trim() !== '');
  if (!first) return undefined;
  const names = classes.map(normaliseLabel);
  const mass = new Float64Array(classes.length);
  const alternatives = first.top.length > 0 ? first.top : [first];
  for (const alternative of alternatives) {
    const token = normaliseLabel(alternative.token);
    if (token === '') continue;
    const matches = names.flatMap((name, k) => (name.startsWith(token) || token === name ? [k] : []));
    for (const k of matches) mass[k] += Math.exp(alternative.logprob) / matches.length;
  }
  const total = mass.reduce((a, b) => a + b, 0);
  if (!(total > 0)) return undefined;
  for (let k = 0; k < mass.length; k++) mass[k] /= total;
  return mass;
}

/** Self-consistency: the share of parsed samples that gave each label. */
export function probabilitiesFromVotes(
  labels: ArrayLike<number>,
  nClasses: number,
): Float64Array | undefined {
  const votes = new Float64Array(nClasses);
  let total = 0;
  for (let s = 0; s < labels.length; s++) {
    if (labels[s] >= 0) {
      votes[labels[s]]++;
      total++;
    }
  }
  if (total === 0) return undefined;
  for (let k = 0; k < nClasses; k++) votes[k] /= total;
  return votes;
}
