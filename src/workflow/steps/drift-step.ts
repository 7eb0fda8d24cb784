import { domainClassifierAuc, driftFindings, featureDrift } from '../../analysis/index.js';
import type { Dataset } from '../../data/index.js';
import type { DriftSection } from '../drift-section.js';
import type { RunFinding } from '../report-types.js';
import type { StepInput } from '../step-context.js';
import type { WorkflowStep } from '../workflow-step.js';

/** Does the test file come from the training file's distribution? Per-feature tests and a domain classifier. */
export async function runDriftStep(
  input: StepInput,
  test: Dataset,
): Promise<{ section: DriftSection; findings: RunFinding[] }> {
  const tests = featureDrift(input.train.features, test.features);
  const domain = await domainClassifierAuc(input.train.features, test.features, {
    folds: input.config.cv,
    seed: input.config.seed,
    signal: input.signal,
  });
  const records = driftFindings(tests, domain);
  return {
    section: {
      testSource: test.source,
      features: tests.map((entry) => ({ ...entry })),
      domainAuc: domain?.auc ?? null,
      domainModel: domain?.model ?? null,
      findings: records,
    },
    findings: records.map(
      (record): RunFinding => ({
        section: 'data-validation',
        ...record,
        message: `Drift: ${record.message}`,
      }),
    ),
  };
}

export const driftStep: WorkflowStep = {
  id: 'drift',
  appliesWhen: ({ input }) => Boolean(input.config.data.test),
  appliesToConfig: (config) => Boolean(config.data.test),
  detail: () => 'train/test drift',
  async run({ input, test }) {
    const result = await runDriftStep(input, test);
    return { sections: { drift: result.section }, findings: result.findings };
  },
};
