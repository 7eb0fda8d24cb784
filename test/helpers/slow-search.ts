import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** `node …CLI_ARGS args` runs the CLI from source. */
export const CLI_ARGS = ['--import', 'tsx', join(ROOT, 'src', 'cli', 'main.ts')];

/** A 16-trial search slow enough (digits, 10 classes, lbfgs) that a kill lands mid-search. */
export function slowSearchArgs(jobs: number): string[] {
  return [
    'search',
    '--example',
    'digits',
    '--model',
    'scale | logreg(max_iter=300)',
    '--grid',
    'C=0.0003,0.001,0.003,0.01,0.03,0.1,0.3,1',
    '--grid',
    'class_weight=null,balanced',
    '--cv',
    '3',
    '--jobs',
    String(jobs),
    '--json',
  ];
}
