import { z } from 'zod';

/** scikit-learn's `validation_fraction`: the share in (0, 1) held out for early stopping, 0.1 by default. */
export function validationFractionParam(description: string) {
  return z.number().gt(0).lt(1).default(0.1).describe(description);
}
