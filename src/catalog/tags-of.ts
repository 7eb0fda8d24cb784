import type {
  ClassifierTags,
  ComplexityControl,
  TransformerTags,
  TuningPlan,
} from '../core/capability-tags.js';
import type { StepSpec } from './model-spec.js';
import { classifierNamed, ensembleMembers, findEnsemble, findTransformer } from './registry.js';

/** What a whole model spec can do: its final classifier's tags and what its transforms change. */
export interface PipelineTags extends ClassifierTags {
  /** The registered kind of the final classifier (`logistic-regression`, `llm`, …). */
  readonly kind: string;
  /** The kinds of column the transforms make acceptable (missing values, categorical, text). */
  readonly handles: ReadonlySet<NonNullable<TransformerTags['handles']>>;
  /** A transform changes the columns, so the classifier's columns are no longer the file's. */
  readonly reshapesColumns: boolean;
}

/** A complexity param of the final classifier, with the pipeline step that addresses it (`logreg.C`). */
export interface ComplexityParam extends ComplexityControl {
  readonly step: string;
}

/** What the diagnosis tunes for a spec, with the classifier's own defaults for the grid's keys. */
export interface PlannedTuning extends TuningPlan {
  readonly defaults: Readonly<Record<string, unknown>>;
}

/**
 * Answers "can this model do X?" for a model spec — the workflow, the advice and the CLI ask here,
 * never a kind name. Throws a ModeldebugError for a name the catalog does not know.
 */
export function tagsOf(steps: readonly StepSpec[]): PipelineTags {
  const transforms = steps.slice(0, -1).map((step) => findTransformer(step.name)?.tags);
  const handles = new Set(transforms.flatMap((tags) => (tags?.handles ? [tags.handles] : [])));
  return {
    ...finalTags(steps[steps.length - 1]),
    handles,
    reshapesColumns: transforms.some((tags) => tags?.reshapesColumns === true),
  };
}

function finalTags(step: StepSpec): ClassifierTags & { readonly kind: string } {
  const ensemble = findEnsemble(step.name);
  if (!ensemble) {
    const classifier = classifierNamed(step.name);
    return { ...classifier.tags, kind: classifier.kind };
  }
  const members = ensembleMembers(step).map((member) => tagsOf(member.steps));
  return { ...ensemble.tags(step.params, members), kind: ensemble.kind };
}

/**
 * The params that control the final classifier's complexity and which way, with probe values: what a
 * "less/more regularization" advice may name for this model (an empty list: none, so say none).
 */
export function complexityControls(steps: readonly StepSpec[]): ComplexityParam[] {
  const step = steps[steps.length - 1].name;
  return tagsOf(steps).complexity.map((control) => ({ ...control, step }));
}

/** The validation-curve param and grid the diagnosis tunes; undefined for models it does not tune. */
export function tuningOf(steps: readonly StepSpec[]): PlannedTuning | undefined {
  const last = steps[steps.length - 1].name;
  if (findEnsemble(last)) return undefined;
  const final = classifierNamed(last);
  if (!final.tuning) return undefined;
  const params = final.create().params as Readonly<Record<string, unknown>>;
  const keys = final.tuning.grid.map((axis) => axis.slice(0, axis.indexOf('=')));
  return { ...final.tuning, defaults: Object.fromEntries(keys.map((key) => [key, params[key]])) };
}
