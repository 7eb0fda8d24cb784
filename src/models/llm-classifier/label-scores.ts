import type { TokenAlternative, TokenLogprob } from '../../llm/provider/chat-types.js';
import { normaliseLabel } from './parse-answer.js';

/** The smallest log-probability a label is given when the endpoint listed none of its tokens. */
const FLOOR_LOGPROB = Math.log(1e-12);

/**
 * Each class's log-likelihood as the answer, read from the answer's tokens and their `top_logprobs` —
 * label-token scoring, with no parsing of the answer's text.
 *
 * The endpoint returns alternatives only along the path it generated, so a label is scored along it:
 * while the generated tokens spell the start of the label, their log-probabilities add up; at the first
 * position where the generated token leaves the label (or completes it), the alternatives there that
 * continue the label are summed in probability space and the rest of the label is taken as certain.
 * For the label the model answered this is its full log-likelihood; for the others it is the
 * log-probability of their first diverging token (an upper bound of theirs: exact for one-token labels).
 * A label none of whose continuations is listed gets an upper bound too: the smaller of the position's
 * least likely listed token and the unlisted mass shared among such labels.
 *
 * `undefined` when the answer has no logprobs or no label is on any listed path (e.g. the answer starts
 * with "Answer:"): the caller then falls back to parsing the text.
 */
export function labelLogLikelihoods(
  logprobs: readonly TokenLogprob[] | undefined,
  classes: readonly string[],
): Float64Array | undefined {
  if (!logprobs || logprobs.length === 0) return undefined;
  const start = logprobs.findIndex((token) => token.token.trim() !== '');
  if (start < 0) return undefined;
  const tokens = logprobs.slice(start);
  const scores = new Float64Array(classes.length);
  const unlisted: number[] = [];
  for (let k = 0; k < classes.length; k++) {
    const score = scoreAlongPath(tokens, normaliseLabel(classes[k]));
    if (score === undefined) unlisted.push(k);
    else scores[k] = score;
  }
  if (unlisted.length === classes.length) return undefined;
  const first = alternativesAt(tokens[0]);
  const listedMass = first.reduce((sum, alternative) => sum + Math.exp(alternative.logprob), 0);
  const leastListed = Math.min(...first.map((alternative) => alternative.logprob));
  const shared = Math.log(Math.max(0, 1 - listedMass) / unlisted.length);
  const bound = Math.max(FLOOR_LOGPROB, Math.min(leastListed, shared));
  for (const k of unlisted) scores[k] = bound;
  return scores;
}

/** Normalised class probabilities from label log-likelihoods: a softmax over the labels. */
export function probabilitiesFromScores(scores: ArrayLike<number>): Float64Array {
  let max = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < scores.length; k++) max = Math.max(max, scores[k]);
  const proba = Float64Array.from(scores, (score) => Math.exp(score - max));
  const total = proba.reduce((a, b) => a + b, 0);
  for (let k = 0; k < proba.length; k++) proba[k] /= total;
  return proba;
}

function scoreAlongPath(tokens: readonly TokenLogprob[], label: string): number | undefined {
  let logLikelihood = 0;
  let spelled = '';
  for (const [position, token] of tokens.entries()) {
    const rest = label.slice(spelled.length);
    const text = tokenText(token.token, position);
    if (text !== '' && rest.startsWith(text) && text.length < rest.length) {
      logLikelihood += token.logprob;
      spelled += text;
      continue;
    }
    // The generated token completes the label or leaves it: sum the alternatives that continue it here.
    let mass = 0;
    for (const alternative of alternativesAt(token)) {
      const piece = tokenText(alternative.token, position);
      if (piece !== '' && continues(rest, piece)) mass += Math.exp(alternative.logprob);
    }
    return mass > 0 ? logLikelihood + Math.log(mass) : undefined;
  }
  // The answer stopped inside the label (max_tokens): what was generated of it is all there is to read.
  return spelled === '' ? undefined : logLikelihood;
}

/** A piece continues what remains of the label when it starts it, or spells it and then stops a word. */
function continues(rest: string, piece: string): boolean {
  if (rest.startsWith(piece)) return true;
  // "spam." ends the label; "hamster" does not end "ham".
  return piece.startsWith(rest) && !/^[\p{L}\p{N}]/u.test(piece.slice(rest.length));
}

function tokenText(token: string, position: number): string {
  const lower = token.toLowerCase().replace(/\s+/g, ' ');
  return position === 0 ? lower.replace(/^[\s"'`*]+/, '') : lower;
}

function alternativesAt(token: TokenLogprob): readonly TokenAlternative[] {
  return token.top.length > 0 ? token.top : [token];
}
