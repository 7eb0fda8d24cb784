import { z } from 'zod';
import { ModeldebugError } from '../core/errors.js';

/** One step of a model spec: a registered name and its params, as the user wrote them. */
export interface StepSpec {
  readonly name: string;
  readonly params: Readonly<Record<string, unknown>>;
  /** The members of an ensemble step (`vote(logreg; gnb)`), each a model spec of its own. */
  readonly members?: readonly MemberSpec[];
}

/** An ensemble member: the name its params are addressed by (`logreg.C`) and its model spec. */
export interface MemberSpec {
  readonly name: string;
  readonly steps: readonly StepSpec[];
}

/** A spec as stored data (run store, remote jobs), members included. */
export const stepSpecSchema: z.ZodType<StepSpec> = z.object({
  name: z.string(),
  params: z.record(z.string(), z.unknown()),
  members: z.array(z.object({ name: z.string(), steps: z.array(z.lazy(() => stepSpecSchema)) })).optional(),
});

/**
 * The pipeline grammar: steps separated by `|`, each `name` or `name(key=value, ...)`; the last step is
 * the classifier. A value is a number, `true`/`false`, `null`, a JSON object or array, or else a string:
 *
 *   impute(strategy=median) | scale | logreg(C=0.1, penalty=l1)
 *
 * An ensemble step lists member specs separated by `;`, then its own params (a list value may be
 * written `2,1,1`); members are named after their classifier, `knn_2` when one repeats:
 *
 *   scale | vote(logreg; gnb; knn(n_neighbors=3), voting=soft, weights=2,1,1)
 */
export function parseModelSpec(text: string): StepSpec[] {
  const steps = splitTopLevel(text, '|').map((part) => part.trim());
  if (steps.some((step) => step === '')) {
    throw new ModeldebugError('invalid_argument', `empty step in model spec "${text}"`, {
      where: 'model spec',
      hint: "write steps as 'name(key=value) | name', e.g. 'scale | logreg(C=0.1)'",
    });
  }
  return steps.map((step) => parseStep(step, text));
}

function parseStep(step: string, whole: string): StepSpec {
  const match = /^([A-Za-z][\w-]*)\s*(?:\((.*)\))?$/s.exec(step);
  if (!match) {
    throw new ModeldebugError('invalid_argument', `cannot read step "${step}" of model spec "${whole}"`, {
      where: 'model spec',
      hint: 'write a step as name or name(key=value, ...), e.g. logreg(C=0.1, penalty=l1)',
    });
  }
  const body = match[2]?.trim();
  if (!body) return { name: match[1], params: {} };
  const parts = splitTopLevel(body, ';');
  if (parts.length === 1) return { name: match[1], params: assignments(splitTopLevel(body, ','), match[1]) };
  const members: string[] = [];
  const own: string[] = [];
  for (const part of parts) {
    const [member, ...rest] = splitTopLevel(part, ',').map((piece) => piece.trim());
    members.push(member);
    // `weights=2,1,1`: a piece that is not `key=value` continues the list of the assignment before it.
    for (const piece of rest) {
      if (ASSIGNMENT.test(piece) || own.length === 0) own.push(piece);
      else own[own.length - 1] += `,${piece}`;
    }
  }
  return { name: match[1], params: assignments(own, match[1]), members: nameMembers(members, whole) };
}

const ASSIGNMENT = /^[A-Za-z_][\w.]*\s*=/;

function assignments(pieces: readonly string[], step: string): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const piece of pieces) {
    const parsed = parseAssignment(piece, `step ${step}`);
    // A quoted value is one string, commas included (a prompt); only a bare one is a list.
    const quoted = /^(['"]).*\1$/s.test(piece.slice(piece.indexOf('=') + 1).trim());
    for (const [key, value] of Object.entries(parsed)) {
      const list = typeof value === 'string' && !quoted ? splitTopLevel(value, ',') : [];
      params[key] = list.length > 1 ? list.map((item) => parseValue(item.trim())) : value;
    }
  }
  return params;
}

function nameMembers(texts: readonly string[], whole: string): MemberSpec[] {
  const seen = new Map<string, number>();
  return texts.map((text) => {
    if (text === '') {
      throw new ModeldebugError('invalid_argument', `empty member in model spec "${whole}"`, {
        where: 'model spec',
        hint: "separate members with ';', e.g. vote(logreg; gnb; knn, voting=soft)",
      });
    }
    const steps = parseModelSpec(text);
    const base = steps[steps.length - 1].name;
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return { name: count === 1 ? base : `${base}_${count}`, steps };
  });
}

/** Writes a spec back in the pipeline grammar, for output and the run store. */
export function formatModelSpec(steps: readonly StepSpec[]): string {
  return steps
    .map(({ name, params, members }) => {
      const body = [
        ...(members ? [members.map((member) => formatModelSpec(member.steps)).join('; ')] : []),
        ...Object.entries(params).map(
          ([key, value]) => `${key}=${typeof value === 'string' ? specString(value) : JSON.stringify(value)}`,
        ),
      ];
      return body.length === 0 ? name : `${name}(${body.join(', ')})`;
    })
    .join(' | ');
}

/**
 * A string as parseValue reads it back: bare when it is plain, else quoted — a prompt holds commas,
 * parentheses, `{{column}}` and newlines. The grammar has no escapes, so a value holding both kinds of
 * quote stays bare (it cannot round-trip).
 */
function specString(value: string): string {
  const plain = !/[,;|()[\]{}'"\n]/.test(value) && value.trim() === value && parseValue(value) === value;
  if (plain) return value;
  if (!value.includes("'")) return `'${value}'`;
  return value.includes('"') ? value : `"${value}"`;
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
