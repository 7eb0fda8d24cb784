import type { z } from 'zod';
import {
  ensembleOutputSchema,
  errorsOutputSchema,
  evalOutputSchema,
  searchOutputSchema,
  validateOutputSchema,
} from './command-outputs.js';
import { frontOutputSchema } from './front-output.js';
import {
  ablateOutputSchema,
  cleanOutputSchema,
  compareOutputSchema,
  curveOutputSchema,
  epochCurveOutputSchema,
  importanceOutputSchema,
  llmCurveOutputSchema,
  regpathOutputSchema,
  robustOutputSchema,
  runRecordOutputSchema,
  runReportSchema,
  runsOutputSchema,
  selectOutputSchema,
  vcurveOutputSchema,
} from './more-outputs.js';

/**
 * Every JSON document modeldebug writes, by the name in its `schema` field (`modeldebug.<name>`);
 * scripts/generate-json-schemas.ts writes each as schemas/<name>.schema.json for the package.
 */
export const OUTPUT_SCHEMAS: Readonly<Record<string, z.ZodType>> = {
  run: runReportSchema,
  eval: evalOutputSchema,
  validate: validateOutputSchema,
  errors: errorsOutputSchema,
  ensemble: ensembleOutputSchema,
  search: searchOutputSchema,
  select: selectOutputSchema,
  importance: importanceOutputSchema,
  regpath: regpathOutputSchema,
  curve: curveOutputSchema,
  vcurve: vcurveOutputSchema,
  'epoch-curve': epochCurveOutputSchema,
  'llm-curve': llmCurveOutputSchema,
  compare: compareOutputSchema,
  ablate: ablateOutputSchema,
  robust: robustOutputSchema,
  clean: cleanOutputSchema,
  front: frontOutputSchema,
  runs: runsOutputSchema,
  'run-record': runRecordOutputSchema,
};
