import { describe, expect, it } from 'vitest';
import { createAnswerParser } from '../../../src/models/llm-classifier/index.js';

const classes = ['ham', 'spam'];
const auto = createAnswerParser(classes, 'auto', null);
const parse = (text: string) => auto({ text, finishReason: 'stop' });

/** Issue 16.16: the shapes real models answer in, each with the label the default parser must read. */
const shaped: [string, string][] = [
  ['Label: ham', 'ham'],
  ['label:spam', 'spam'],
  ['**spam**', 'spam'],
  ['Answer: spam.', 'spam'],
  ['"Ham"', 'ham'],
  ["'spam'", 'spam'],
  ['“spam”', 'spam'],
  ['SPAM!', 'spam'],
  ['ham.', 'ham'],
  ['`ham`', 'ham'],
  ['(spam)', 'spam'],
  ['Label: **spam**', 'spam'],
  ['**Label:** ham', 'ham'],
  ['The answer is spam.', 'spam'],
  ['Final answer: Ham', 'ham'],
  ['Classification - spam', 'spam'],
  ['## Spam', 'spam'],
  ['Label: ham\nReason: a friendly note between colleagues.', 'ham'],
  ['Reasoning: it offers a prize.\nAnswer: spam', 'spam'],
  ['{"label": "spam"}', 'spam'],
];

/** Answers that name no label, or two: refused, never guessed. */
const ambiguous: string[] = [
  'spam or ham',
  'ham, spam',
  'Label: ham/spam',
  'Label: spam\nAnswer: ham',
  'This is not spam',
  'It could be spam, but it reads like ham',
  'maybe',
  'Label:',
  'spam\nham',
];

describe('the default (auto) answer parser', () => {
  it.each(shaped)('reads %j as %s', (text, label) => {
    expect(parse(text)).toEqual({ outcome: 'label', label: classes.indexOf(label) });
  });

  it.each(ambiguous)('refuses %j as unparseable', (text) => {
    expect(parse(text)).toEqual({ outcome: 'unparseable' });
  });

  it('keeps the stricter modes strict: exact and insensitive do not read shapes', () => {
    const exact = createAnswerParser(classes, 'exact', null);
    const insensitive = createAnswerParser(classes, 'insensitive', null);
    for (const parser of [exact, insensitive])
      expect(parser({ text: 'Label: ham', finishReason: 'stop' })).toEqual({ outcome: 'unparseable' });
  });

  it('matches a label that itself contains a key word whole, not after stripping the key', () => {
    const parser = createAnswerParser(['class a', 'class b'], 'auto', null);
    expect(parser({ text: 'Class B', finishReason: 'stop' })).toEqual({ outcome: 'label', label: 1 });
    expect(parser({ text: 'Label: class A.', finishReason: 'stop' })).toEqual({ outcome: 'label', label: 0 });
  });
});
