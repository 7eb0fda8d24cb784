import type { StepSpec } from '../catalog/model-spec.js';
import { ModeldebugError } from '../core/errors.js';
import type { CandidateParams } from './param-grid.js';

/**
 * Applies a candidate's params to a model spec rather than to a built estimator, so a param that picks
 * the implementation (`scale.kind=minmax`) is searchable like any other, and a worker thread rebuilds
 * the same model from plain data. `step.param` addresses a pipeline step by name; a bare key addresses
 * the final classifier (`C` means `logreg.C` in `scale | logreg`); an ensemble's member is addressed by
 * its name, with or without the ensemble's step (`vote.logreg.C` or `logreg.C`).
 */
export function applyParams(steps: readonly StepSpec[], params: CandidateParams): StepSpec[] {
  let patched = steps.map((step) => ({ ...step, params: { ...step.params } }));
  for (const [key, value] of Object.entries(params)) {
    const cut = key.indexOf('.');
    if (cut < 0) {
      patched[patched.length - 1].params[key] = value;
      continue;
    }
    const head = key.slice(0, cut);
    const rest = key.slice(cut + 1);
    const index = patched.findIndex((step) => step.name === head);
    const final = patched[patched.length - 1];
    if (index >= 0 && !(rest.includes('.') && patched[index].members)) {
      patched[index].params[rest] = value;
    } else if (index >= 0) {
      patched = withMemberParam(patched, index, rest, value);
    } else if (final.members?.some((member) => member.name === head)) {
      patched = withMemberParam(patched, patched.length - 1, key, value);
    } else {
      throw new ModeldebugError('unknown_param', `the model has no step "${head}"`, {
        where: `param ${key}`,
        hint: `name a step of the model (${steps.map((step) => step.name).join(', ')}), e.g. ${steps[steps.length - 1].name}.C`,
      });
    }
  }
  return patched;
}

/** `member.param` (or `member.step.param`) applied inside the ensemble step at `index`. */
function withMemberParam(
  steps: { name: string; params: Record<string, unknown>; members?: StepSpec['members'] }[],
  index: number,
  key: string,
  value: unknown,
) {
  const cut = key.indexOf('.');
  const name = key.slice(0, cut);
  const members = steps[index].members ?? [];
  if (cut < 0 || !members.some((member) => member.name === name)) {
    throw new ModeldebugError('unknown_param', `the ensemble has no member "${name}"`, {
      where: `param ${key}`,
      hint: `name a member (${members.map((member) => member.name).join(', ')}), e.g. ${members[0]?.name ?? 'logreg'}.C`,
    });
  }
  const patchedMembers = members.map((member) =>
    member.name === name
      ? { name: member.name, steps: applyParams(member.steps, { [key.slice(cut + 1)]: value }) }
      : member,
  );
  return steps.map((step, i) => (i === index ? { ...step, members: patchedMembers } : step));
}
