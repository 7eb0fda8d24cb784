import { ModeldebugError } from '../core/errors.js';

/** One step of a model spec: a registered name and its params, as the user wrote them. */
export interface StepSpec {
  readonly name: string;
  readonly params: Readonly<Record<string, unknown>>;
}

/**
 * The pipeline grammar: steps separated by `|`, each `name` or `name(key=value, ...)`; the last step is
 * the classifier. A value is a number, `true`/`false`, `null`, a JSON object or array, or else a string:
 *
 *   impute(strategy=median) | scale | logreg(C=0.1, penalty=l1)
 */
export function parseModelSpec(text: string): StepSpec[] {
  const steps = splitTopLevel(text, '|').map((part) => part.trim());
  if (steps.some((step) => step === '')) {
    throw new ModeldebugError('invalid_argument', `empty step in model spec "${text}"`, {
      where: '--model',
      hint: "write steps as 'name(key=value) | name', e.g. 'scale | logreg(C=0.1)'",
    });
  }
  return steps.map((step) => parseStep(step, text));
}

function parseStep(step: string, whole: string): StepSpec {
  const match = /^([A-Za-z][\w-]*)\s*(?:\((.*)\))?$/s.exec(step);
  if (!match) {
    throw new ModeldebugError('invalid_argument', `cannot read step "${step}" of model spec "${whole}"`, {
      where: '--model',
      hint: 'write a step as name or name(key=value, ...), e.g. logreg(C=0.1, penalty=l1)',
    });
  }
  const params: Record<string, unknown> = {};
  const body = match[2]?.trim();
  if (body) {
    for (const assignment of splitTopLevel(body, ','))
      Object.assign(params, parseAssignment(assignment, `step ${match[1]}`));
  }
  return { name: match[1], params };
}

/** Parses `key=value` (from a spec step or a `--param` flag). */
export function parseAssignment(text: string, where: string): Record<string, unknown> {
  const equals = text.indexOf('=');
  const key = text.slice(0, equals).trim();
  if (equals < 0 || key === '') {
    throw new ModeldebugError('invalid_argument', `expected key=value, got "${text.trim()}"`, {
      where,
      hint: 'write params as key=value, e.g. C=0.1',
    });
  }
  return { [key]: parseValue(text.slice(equals + 1).trim()) };
}

export function parseValue(text: string): unknown {
  if (text === 'true') return true;
  if (text === 'false') return false;
  if (text === 'null') return null;
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) return Number(text);
  if (text.startsWith('{') || text.startsWith('[')) {
    try {
      return JSON.parse(text);
    } catch {
      throw new ModeldebugError('invalid_argument', `cannot read the JSON value ${text}`, {
        hint: 'quote keys and strings with double quotes, e.g. {"0": 2, "1": 1}',
      });
    }
  }
  return text.replace(/^(['"])(.*)\1$/s, '$2');
}

/** Splits on a separator that is not inside (), [], {} or quotes. */
export function splitTopLevel(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | undefined;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quote) {
      if (char === quote) quote = undefined;
    } else if (char === '"' || char === "'") quote = char;
    else if ('([{'.includes(char)) depth++;
    else if (')]}'.includes(char)) depth--;
    else if (char === separator && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}
