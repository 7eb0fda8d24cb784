import { ModeldebugError } from '../../../core/errors.js';
import type { PriceTable } from '../../../llm/engine/price-table.js';
import { type LlmClassifierParams, parseLlmClassifierParams } from '../../../models/llm-classifier/params.js';

/** One configured classifier the arms start from (its `model`, endpoint, prompt and every other param). */
export interface FrontBase {
  /** How tables name it, e.g. its model name. */
  readonly name: string;
  readonly params: Partial<LlmClassifierParams> | Readonly<Record<string, unknown>>;
}

/** A template to try: its text (`@path` reads a file) and how tables name it. */
export interface FrontTemplate {
  readonly name: string;
  readonly template: string | null;
}

/** The grid the race runs over: every base × template × few-shot k × maj@k. */
export interface FrontGrid {
  readonly bases: readonly FrontBase[];
  /** Default: each base's own template. */
  readonly templates?: readonly FrontTemplate[];
  /** Few-shot examples per prompt; default: each base's own `few_shot_k`. */
  readonly shots?: readonly number[];
  /** Answers per row, majority-voted; default [1]. */
  readonly maj?: readonly number[];
  /** Merged over each base's `prices` ($ per million tokens by model). */
  readonly prices?: PriceTable;
}

export interface FrontArm {
  readonly id: number;
  readonly name: string;
  readonly base: string;
  /** The template's name, or null when the grid gave none. */
  readonly template: string | null;
  readonly shots: number;
  readonly maj: number;
  readonly params: LlmClassifierParams;
}

/** Bases named by their `model` param, numbered where two share one (e.g. two endpoints of one model). */
export function frontBasesOf(paramsList: readonly Readonly<Record<string, unknown>>[]): FrontBase[] {
  const names = paramsList.map((params) => String(params.model ?? 'gpt-4o-mini'));
  return paramsList.map((params, i) => ({
    name: names.indexOf(names[i]) === i ? names[i] : `${names[i]} #${i + 1}`,
    params,
  }));
}

/** The arms of a grid, in grid order (base, then template, then shots, then maj). */
export function frontArms(grid: FrontGrid): FrontArm[] {
  if (grid.bases.length === 0) {
    throw new ModeldebugError('invalid_argument', 'front needs at least one LLM classifier', {
      where: 'bases',
      hint: 'give one or more llm(...) specs',
    });
  }
  const shots = distinctWholeNumbers('shots', grid.shots, 0, 100);
  const maj = distinctWholeNumbers('maj', grid.maj ?? [1], 1, 64);
  const templates: readonly (FrontTemplate | null)[] =
    grid.templates && grid.templates.length > 0 ? grid.templates : [null];
  const arms: FrontArm[] = [];
  for (const base of grid.bases) {
    const params = parseLlmClassifierParams(base.params);
    const prices = { ...params.prices, ...grid.prices };
    for (const template of templates) {
      for (const k of shots ?? [params.few_shot_k]) {
        for (const m of maj ?? [1]) {
          const name = [base.name, template?.name, `${k}-shot`, `maj@${m}`]
            .filter((part) => part !== undefined)
            .join(' · ');
          arms.push({
            id: arms.length,
            name,
            base: base.name,
            template: template?.name ?? null,
            shots: k,
            maj: m,
            params: parseLlmClassifierParams({
              ...params,
              prices,
              ...(template === null ? {} : { template: template.template }),
              few_shot_k: k,
              samples: m,
              // maj@k is the vote over the k answers, not the first answer's logprobs. maj@1 keeps the
              // params as configured, so its requests are the ones other commands (and run's model
              // comparison) sent, and the cache answers them.
              ...(m > 1 ? { probabilities: 'samples' } : {}),
              // The race keeps its own spend cap over all arms (maxCost).
              max_cost: null,
            }),
          });
        }
      }
    }
  }
  const names = new Set(arms.map((arm) => arm.name));
  if (names.size < arms.length) {
    throw new ModeldebugError('invalid_argument', 'two arms of the front have the same name', {
      where: 'bases',
      hint: 'give every classifier and template a different name',
    });
  }
  return arms;
}

function distinctWholeNumbers(
  field: string,
  values: readonly number[] | undefined,
  min: number,
  max: number,
): number[] | undefined {
  if (values === undefined || values.length === 0) return undefined;
  for (const value of values) {
    if (!Number.isInteger(value) || value < min || value > max) {
      throw new ModeldebugError(
        'invalid_argument',
        `${field} has ${value}, not a whole number in [${min}, ${max}]`,
        {
          where: field,
          hint: `give whole numbers from ${min} to ${max}`,
        },
      );
    }
  }
  return [...new Set(values)].sort((a, b) => a - b);
}
