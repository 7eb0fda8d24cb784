import { ModeldebugError } from '../core/errors.js';
import type { Classifier, FittedClassifier } from '../core/estimator.js';
import type { Labels } from '../core/labels.js';
import { assertRowsMatchLabels, presentClasses } from '../models/training-checks/index.js';

/** A member of an ensemble: its name (for params `<name>.<param>` and reports) and its estimator. */
export type NamedClassifier = readonly [name: string, estimator: Classifier];
export type NamedFittedClassifier = readonly [name: string, fitted: FittedClassifier];

/** Member names must be unique, non-empty and free of the '.' that addresses their params. */
export function assertMemberNames(kind: string, names: readonly string[], minimum: number): void {
  if (names.length < minimum) {
    throw new ModeldebugError(
      'invalid_argument',
      `${kind} needs at least ${minimum} member estimators, got ${names.length}`,
      {
        hint: "give members as a list of [name, estimator], e.g. 'logreg;gnb;knn' at the CLI",
      },
    );
  }
  const seen = new Set<string>();
  for (const name of names) {
    if (name === '' || name.includes('.') || seen.has(name)) {
      throw new ModeldebugError('invalid_argument', `invalid ${kind} member name "${name}"`, {
        where: `member ${name}`,
        hint: 'give every member a unique, non-empty name without "."',
      });
    }
    seen.add(name);
  }
}

/** `{ 'lr.C': 1, 'knn.n_neighbors': 5, … }`: the members' params under their names, keys sorted. */
export function flattenMemberParams(
  members: readonly (readonly [string, { readonly params: object }])[],
): Record<string, unknown> {
  const flat: Record<string, unknown> = {};
  for (const [name, estimator] of members) {
    const record = estimator.params as Readonly<Record<string, unknown>>;
    for (const key of Object.keys(record).sort()) flat[`${name}.${key}`] = record[key];
  }
  return flat;
}

/**
 * Splits a flat patch into the ensemble's own keys and one patch per member (`<name>.<param>`). Unknown
 * keys throw `unknown_param` listing the valid ones; the member validates its own values.
 */
export function splitEnsemblePatch(
  kind: string,
  ownKeys: readonly string[],
  members: readonly (readonly [string, { readonly params: object }])[],
  patch: Readonly<Record<string, unknown>>,
): { own: Record<string, unknown>; byMember: Map<number, Record<string, unknown>> } {
  const own: Record<string, unknown> = {};
  const byMember = new Map<number, Record<string, unknown>>();
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    if (ownKeys.includes(key)) {
      own[key] = value;
      continue;
    }
    const cut = key.indexOf('.');
    const index = cut === -1 ? -1 : members.findIndex(([name]) => name === key.slice(0, cut));
    if (index === -1) {
      throw new ModeldebugError('unknown_param', `unknown param "${key}" for ${kind}`, {
        where: `param ${key}`,
        hint: `valid params: ${[...ownKeys, ...members.map(([name]) => `${name}.<param>`)].join(', ')}`,
      });
    }
    const memberPatch = byMember.get(index) ?? {};
    memberPatch[key.slice(cut + 1)] = value;
    byMember.set(index, memberPatch);
  }
  return { own, byMember };
}

/**
 * The labels an ensemble fits its members on: the classes present, re-coded densely. Only the shape and
 * the class count are checked here — the members check their own inputs (an LLM member takes text).
 */
export function ensembleLabels(kind: string, rows: number, y: Labels): Labels {
  assertRowsMatchLabels(rows, y);
  return presentClasses(y, kind);
}
