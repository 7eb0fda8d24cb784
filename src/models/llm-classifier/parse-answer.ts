import type { ChatChoice } from '../../llm/provider/chat-types.js';
import type { ParsedAnswer } from './llm-outcome.js';

export type ParseMode = 'auto' | 'exact' | 'insensitive' | 'json' | 'regex';

export type AnswerParser = (choice: ChatChoice) => ParsedAnswer;

/** Longer answers are cut before parsing: the text is untrusted and only ever matched, never run. */
const MAX_ANSWER_CHARS = 4_000;

/** How refusals usually open; a clarifying question ("Sorry, which one?") stays unparseable. */
const REFUSAL =
  /^(i'?m sorry|i am sorry|i can(?:'|no)t|i cannot|i won'?t|i am unable|i'm unable|as an ai\b)/i;

/**
 * How a model names its answer before giving it ("Label: ham", "The answer is spam", "Final answer -").
 * Only these keys: a free sentence ("This is not spam") is not read for labels.
 */
const ANSWER_KEY =
  /^(?:the\s+)?(?:final\s+)?(?:label|answer|class|category|classification|prediction|predicted label|output|result)\b\s*(?:is\s*)?[:=\-–]?\s*/i;

/** Markdown emphasis and code marks, heading and quote marks: decoration around an answer. */
const DECORATION = /\*\*|__|`+|^\s*[#>]+\s*/g;

/**
 * The label a shaped answer gives — decoration, an answer key, quotes, brackets and trailing
 * punctuation removed, then looked up whole — or undefined; a line without a key is read only when it
 * is the whole answer, and keyed lines that name two different labels are ambiguous (undefined).
 */
function fromShapes(text: string, lookup: (candidate: string) => number | undefined): number | undefined {
  const bare = (line: string) =>
    line
      .replace(DECORATION, '')
      .replace(ANSWER_KEY, '')
      .replace(/^[\s"'“”‘’([{<]+|[\s"'“”‘’)\]}>.!?,;:]+$/g, '');
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  if (lines.length === 1) return lookup(bare(lines[0]));
  const keyed = new Set<number>();
  for (const line of lines) {
    const undecorated = line.replace(DECORATION, '').trim();
    if (!ANSWER_KEY.test(undecorated)) continue;
    const label = lookup(bare(line));
    if (label !== undefined) keyed.add(label);
  }
  return keyed.size === 1 ? [...keyed][0] : undefined;
}

/** Lower case, whitespace collapsed, surrounding quotes, backticks and a final period removed. */
export function normaliseLabel(text: string): string {
  return text
    .trim()
    .replace(/^["'`*]+|["'`*.]+$/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** Builds the parser for a label set; the regex (for mode 'regex') was checked when params were parsed. */
export function createAnswerParser(
  classes: readonly string[],
  mode: ParseMode,
  regex: string | null,
  jsonField = 'label',
): AnswerParser {
  const exact = new Map(classes.map((name, k) => [name, k]));
  const loose = new Map(classes.map((name, k) => [normaliseLabel(name), k]));
  const pattern = mode === 'regex' && regex !== null ? new RegExp(regex, 's') : undefined;

  const byName = (text: string, strict: boolean): number | undefined =>
    strict ? exact.get(text.trim()) : loose.get(normaliseLabel(text));

  const fromJson = (text: string): number | undefined => {
    const body = text.replace(/^\s*```(?:json)?\s*|\s*```\s*$/g, '');
    let value: unknown;
    try {
      value = JSON.parse(body);
    } catch {
      return undefined;
    }
    if (typeof value === 'string') return byName(value, false);
    if (value && typeof value === 'object' && jsonField in value) {
      const field = (value as Record<string, unknown>)[jsonField];
      return typeof field === 'string' || typeof field === 'number'
        ? byName(String(field), false)
        : undefined;
    }
    return undefined;
  };

  const match = (text: string): number | undefined => {
    switch (mode) {
      case 'exact':
        return byName(text, true);
      case 'insensitive':
        return byName(text, false);
      case 'json':
        return fromJson(text);
      case 'regex': {
        const found = pattern!.exec(text);
        return found ? byName(found[1] ?? found[0], false) : undefined;
      }
      case 'auto':
        return (
          byName(text, false) ?? fromJson(text) ?? fromShapes(text, (candidate) => byName(candidate, false))
        );
    }
  };

  return (choice) => {
    if (choice.refusal || choice.finishReason === 'content_filter') return { outcome: 'refusal' };
    const text = choice.text.slice(0, MAX_ANSWER_CHARS);
    const label = match(text);
    if (label !== undefined) return { outcome: 'label', label };
    return { outcome: REFUSAL.test(text.trim()) ? 'refusal' : 'unparseable' };
  };
}
