import { existsSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import type { Command } from 'commander';
import { type ProposeResult, proposeInstructions } from '../../analysis/llm/propose/index.js';
import { formatModelSpec } from '../../catalog/index.js';
import { ModeldebugError } from '../../core/errors.js';
import { DATA_FILE_DESCRIPTION, withHelpExamples } from '../command-help.js';
import { wholeNumberFlag } from '../flag-values.js';
import { versionedDocument } from '../format/json-document.js';
import { proposeText } from '../format/propose-text.js';
import {
  addLlmTechniqueOptions,
  type LlmTechniqueFlags,
  readLlmTechniqueInput,
} from '../llm-technique-input.js';
import { proposerParams } from '../proposer-params.js';
import { runAction } from '../run-action.js';

interface ProposeFlags extends LlmTechniqueFlags {
  readonly proposer?: string;
  readonly candidates: string;
  readonly demoSets: string;
  readonly demoK: string;
  readonly out: string;
}

/** Shown at the end of `modeldebug propose --help`. */
const EXAMPLES = [
  "modeldebug propose reviews.csv --label sentiment --model 'llm(model=gpt-4o-mini)'",
  "modeldebug propose reviews.csv --label sentiment --model 'llm(model=gpt-4o-mini)' --proposer 'llm(model=gpt-4o, temperature=0.7)' --out better.txt",
];

export function registerProposeCommand(program: Command): void {
  const command = withHelpExamples(program.command('propose'), EXAMPLES)
    .description(
      'proposed instructions and bootstrapped few-shot sets for an LLM classifier, kept only on a verified gain',
    )
    .argument('[data]', DATA_FILE_DESCRIPTION)
    .option(
      '--proposer <spec>',
      "who writes the instructions, e.g. 'llm(model=gpt-4o, temperature=0.7)' (default: the --model)",
    )
    .option('--candidates <n>', 'instructions to ask the proposer for (0: none)', '4')
    .option('--demo-sets <n>', 'bootstrapped few-shot sets to try, one per seed (0: none)', '2')
    .option('--demo-k <k>', 'examples per bootstrapped set', '4')
    .option('--out <file>', 'where the kept instruction is written', 'proposed-instruction.txt');
  addLlmTechniqueOptions(command, "'llm(model=gpt-4o-mini)'").action(
    runAction(async (data: string | undefined, flags: ProposeFlags) => {
      const instructions = wholeNumberFlag('--candidates', flags.candidates, 0);
      const demoSets = wholeNumberFlag('--demo-sets', flags.demoSets, 0);
      const demoK = wholeNumberFlag('--demo-k', flags.demoK, 1);
      const proposer = flags.proposer === undefined ? undefined : proposerParams(flags.proposer);
      const seed = wholeNumberFlag('--seed', flags.seed, 0);
      checkOutFolder(flags.out);
      const input = await readLlmTechniqueInput('propose', data, flags);
      let result: ProposeResult;
      try {
        result = await proposeInstructions(input.llm, input.dataset.features, input.dataset.labels, {
          folds: input.folds,
          proposer,
          instructions,
          demoSets,
          demoK,
          seed,
          runtime: input.runtime,
          progress: flags.json ? undefined : (message) => process.stderr.write(`propose: ${message}\n`),
        });
      } finally {
        input.close();
      }
      const written = result.kept?.kind === 'instruction' ? writeInstruction(flags.out, result) : undefined;
      const model = formatModelSpec(input.steps);
      const keptModel = keptSpec(input.steps[0].params, result, written);
      if (flags.json) {
        process.stdout.write(
          versionedDocument('propose', 1, {
            dataset: { source: input.dataset.source, rows: input.dataset.features.rows },
            model,
            folds: input.folds.length,
            ...result,
            keptModel,
            instructionFile: written ?? null,
          }),
        );
        return 0;
      }
      process.stdout.write(`${proposeText(result, { model, keptModel, written })}\n`);
      return 0;
    }),
  );
}

/** Before any call is paid for: the kept instruction must have somewhere to go. */
function checkOutFolder(out: string): void {
  const folder = dirname(resolve(out));
  if (!existsSync(folder)) {
    throw new ModeldebugError('invalid_argument', `the folder ${folder} does not exist`, {
      where: '--out',
      hint: `create it, or give --out a file in an existing folder (e.g. --out proposed-instruction.txt)`,
    });
  }
}

/** Written beside its target and renamed into place: an interrupted run never leaves half a prompt. */
function writeInstruction(out: string, result: ProposeResult): string {
  const path = resolve(out);
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, `${result.keptParams?.system ?? ''}\n`);
  renameSync(temporary, path);
  return relative('.', path).startsWith('..') ? path : relative('.', path);
}

/** The user's spec with the kept change: `system=@FILE` for an instruction, the few-shot params for demos. */
function keptSpec(
  params: Readonly<Record<string, unknown>>,
  result: ProposeResult,
  written: string | undefined,
): string | null {
  if (result.kept === null) return null;
  const patch = result.kept.kind === 'instruction' ? { system: `@${written}` } : result.kept.patch;
  return formatModelSpec([{ name: 'llm', params: { ...params, ...patch } }]);
}
