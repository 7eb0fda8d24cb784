import { describe, expect, it } from 'vitest';
import {
  createAnswerParser,
  probabilitiesFromLogprobs,
  probabilitiesFromVotes,
} from '../../../src/models/llm-classifier/index.js';
import { buildTfidfIndex } from '../../../src/models/llm-classifier/tfidf-index.js';

const classes = ['Positive', 'negative', '10'];
const choice = (text: string, extra: Record<string, unknown> = {}) => ({
  text,
  finishReason: 'stop',
  ...extra,
});

describe('answer parsing', () => {
  it('exact matches the label as written (surrounding whitespace aside)', () => {
    const parse = createAnswerParser(classes, 'exact', null);
    expect(parse(choice(' Positive\n'))).toEqual({ outcome: 'label', label: 0 });
    expect(parse(choice('positive'))).toEqual({ outcome: 'unparseable' });
  });

  it('insensitive ignores case, inner whitespace, quotes and a final period', () => {
    const parse = createAnswerParser(['very good', 'bad'], 'insensitive', null);
    expect(parse(choice('"Very   GOOD."'))).toEqual({ outcome: 'label', label: 0 });
    expect(parse(choice('It is bad'))).toEqual({ outcome: 'unparseable' });
  });

  it('json reads {"label": …} (fenced or not, numbers too) and nothing else', () => {
    const parse = createAnswerParser(classes, 'json', null);
    expect(parse(choice('```json\n{"label": "NEGATIVE"}\n```'))).toEqual({ outcome: 'label', label: 1 });
    expect(parse(choice('{"label": 10}'))).toEqual({ outcome: 'label', label: 2 });
    expect(parse(choice('{"answer": "negative"}'))).toEqual({ outcome: 'unparseable' });
    expect(parse(choice('{"label": "neg'))).toEqual({ outcome: 'unparseable' });
  });

  it('regex takes the first group; auto tries the label, then JSON', () => {
    const regex = createAnswerParser(classes, 'regex', 'label=(\\w+)');
    expect(regex(choice('thinking... label=negative'))).toEqual({ outcome: 'label', label: 1 });
    expect(regex(choice('negative'))).toEqual({ outcome: 'unparseable' });
    const auto = createAnswerParser(classes, 'auto', null);
    expect(auto(choice('positive'))).toEqual({ outcome: 'label', label: 0 });
    expect(auto(choice('{"label":"10"}'))).toEqual({ outcome: 'label', label: 2 });
  });

  it('counts refusals apart: the endpoint flag, a content filter, or a refusal phrase', () => {
    const parse = createAnswerParser(classes, 'auto', null);
    expect(parse(choice('', { refusal: 'no' }))).toEqual({ outcome: 'refusal' });
    expect(parse(choice('', { finishReason: 'content_filter' }))).toEqual({ outcome: 'refusal' });
    expect(parse(choice("I'm sorry, but I can't classify this."))).toEqual({ outcome: 'refusal' });
    expect(parse(choice('Sorry, which one?'))).toEqual({ outcome: 'unparseable' });
  });
});

describe('label probabilities', () => {
  it('gives each label the mass of the first-token alternatives it starts with, renormalised', () => {
    const top = [
      { token: 'Pos', logprob: Math.log(0.5) },
      { token: 'neg', logprob: Math.log(0.25) },
      { token: '1', logprob: Math.log(0.125) },
      { token: 'maybe', logprob: Math.log(0.125) },
    ];
    const proba = probabilitiesFromLogprobs([{ token: 'Pos', logprob: Math.log(0.5), top }], classes)!;
    const expected = [0.5 / 0.875, 0.25 / 0.875, 0.125 / 0.875];
    for (let k = 0; k < 3; k++) expect(proba[k]).toBeCloseTo(expected[k], 15);
    expect(probabilitiesFromLogprobs(undefined, classes)).toBeUndefined();
    expect(
      probabilitiesFromLogprobs([{ token: 'x', logprob: 0, top: [{ token: 'x', logprob: 0 }] }], classes),
    ).toBeUndefined();
  });

  it('votes over parsed samples, ignoring unparseable ones (-1)', () => {
    expect(Array.from(probabilitiesFromVotes([0, 2, -1, 2], 3)!)).toEqual([1 / 3, 0, 2 / 3]);
    expect(probabilitiesFromVotes([-1, -1], 3)).toBeUndefined();
  });
});

describe('TF-IDF similarity', () => {
  it('ranks by cosine with smooth idf, ties by index', () => {
    const index = buildTfidfIndex(['red apple', 'green apple', 'blue sky', 'red red car']);
    // "red red car" beats "green apple": twice the shared term outweighs the rarer, unshared "green".
    expect(index.rank('red apple')).toEqual([0, 3, 1, 2]);
    expect(index.rank('unknown words')).toEqual([0, 1, 2, 3]);
  });
});
