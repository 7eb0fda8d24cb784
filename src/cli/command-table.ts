import { type Command, Help } from 'commander';

/**
 * Every command, by name, with the one-line description `--help` lists and the module that declares it.
 * main.ts imports only the module of the command being run, so `--version`, `--help` and a light
 * command never load DuckDB, Vega, BullMQ or the OpenAI SDK. The descriptions repeat each module's own
 * and help terms (test/cli/command-table.test.ts keeps them equal).
 */
export interface CommandEntry {
  readonly name: string;
  /** How `--help` lists it: the name, `[options]` and its arguments. */
  readonly term: string;
  readonly description: string;
  load(): Promise<(program: Command) => void>;
}

export const COMMANDS: readonly CommandEntry[] = [
  {
    name: 'run',
    term: 'run [options] [config]',
    description: 'the whole diagnosis in one command: report.html, report.json and the top findings',
    load: async () => (await import('./commands/run.js')).registerRunCommand,
  },
  {
    name: 'eval',
    term: 'eval [options] [data]',
    description: 'train a model and print its metrics, classification report and confusion matrix',
    load: async () => (await import('./commands/eval.js')).registerEvalCommand,
  },
  {
    name: 'fix',
    term: 'fix [options]',
    description:
      'apply the verified remedies, prove the gain on untouched test rows, and write the better model',
    load: async () => (await import('./commands/fix.js')).registerFixCommand,
  },
  {
    name: 'ensemble',
    term: 'ensemble [options] [data]',
    description: 'cross-validate several models, their vote (and stacking), and how often they agree',
    load: async () => (await import('./commands/ensemble.js')).registerEnsembleCommand,
  },
  {
    name: 'errors',
    term: 'errors [options] [data]',
    description:
      'why is the model wrong? confidently-wrong rows, confusion pairs, weak slices, suspected label errors, calibration',
    load: async () => (await import('./commands/errors.js')).registerErrorsCommand,
  },
  {
    name: 'models',
    term: 'models',
    description: 'list the classifiers, ensembles and transforms a model spec can use, with every param',
    load: async () => (await import('./commands/models.js')).registerModelsCommand,
  },
  {
    name: 'select',
    term: 'select [options] [data]',
    description: 'pick features: recursive elimination (RFE, RFECV) or univariate scores (SelectKBest)',
    load: async () => (await import('./commands/select.js')).registerSelectCommand,
  },
  {
    name: 'importance',
    term: 'importance [options] [data]',
    description: 'permutation importance: how much the held-out score drops when each feature is shuffled',
    load: async () => (await import('./commands/importance.js')).registerImportanceCommand,
  },
  {
    name: 'regpath',
    term: 'regpath [options] [data]',
    description: 'regularisation path: coefficients and CV score along C, the best C and the 1-SE choice',
    load: async () => (await import('./commands/regpath.js')).registerRegpathCommand,
  },
  {
    name: 'search',
    term: 'search [options] [data]',
    description: 'hyperparameter search (grid, random, successive halving, TPE) with cross-validation',
    load: async () => (await import('./commands/search.js')).registerSearchCommand,
  },
  {
    name: 'runs',
    term: 'runs [options]',
    description: 'list the searches and curves in the run store',
    load: async () => (await import('./commands/runs.js')).registerRunsCommand,
  },
  {
    name: 'curve',
    term: 'curve [options] [data]',
    description: 'learning curve: train and CV scores as the training set grows, and what they mean',
    load: async () => (await import('./commands/curve.js')).registerCurveCommand,
  },
  {
    name: 'vcurve',
    term: 'vcurve [options] [data]',
    description: 'validation curve: train and CV scores for each value of one param',
    load: async () => (await import('./commands/vcurve.js')).registerVcurveCommand,
  },
  {
    name: 'worker',
    term: 'worker [options]',
    description:
      'work for search, run and eval started with --redis: fold fits and LLM batches taken from Redis',
    load: async () => (await import('./commands/worker.js')).registerWorkerCommand,
  },
  {
    name: 'validate',
    term: 'validate [options] [data]',
    description: 'check a dataset before training: missing values, duplicates, conflicts, leaks, outliers, …',
    load: async () => (await import('./commands/validate.js')).registerValidateCommand,
  },
  {
    name: 'clean',
    term: 'clean [options] <data>',
    description: 'write a cleaned copy: duplicates dropped, missing markers normalised, optional imputation',
    load: async () => (await import('./commands/clean.js')).registerCleanCommand,
  },
  {
    name: 'ablate',
    term: 'ablate [options] [data]',
    description:
      "prompt-field ablation: drop the LLM prompt's {{column}} fields one at a time (recursive elimination)",
    load: async () => (await import('./commands/ablate.js')).registerAblateCommand,
  },
  {
    name: 'compare',
    term: 'compare [options] [data]',
    description:
      'is the LLM better than a linear model? Both cross-validated on the same folds, McNemar test row by row',
    load: async () => (await import('./commands/compare.js')).registerCompareCommand,
  },
  {
    name: 'robust',
    term: 'robust [options] [data]',
    description:
      "an LLM classifier's accuracy and flip rate under format, label-list and input variants and repeated sampling",
    load: async () => (await import('./commands/robust.js')).registerRobustCommand,
  },
  {
    name: 'front',
    term: 'front [options] [data]',
    description:
      'race LLM configurations (models × templates × few-shot k × maj@k) for the cost–accuracy Pareto front',
    load: async () => (await import('./commands/front.js')).registerFrontCommand,
  },
  {
    name: 'view',
    term: 'view [options]',
    description: 'browse the run store: the runs, each report, and two runs side by side',
    load: async () => (await import('./commands/view.js')).registerViewCommand,
  },
];

/**
 * Declares the command the arguments name (or, for `help NAME`, the one asked about), loading only its
 * module; with no command (`--version`, `--help`, a typo) every command is listed by name only.
 */
export async function declareCommands(program: Command, args: readonly string[]): Promise<void> {
  const words = args.filter((arg) => !arg.startsWith('-'));
  const named = words[0] === 'help' ? words[1] : words[0];
  const entry = COMMANDS.find((candidate) => candidate.name === named);
  if (entry) {
    (await entry.load())(program);
    return;
  }
  for (const { name, description } of COMMANDS) program.command(name).description(description);
  program.configureHelp({
    subcommandTerm: (command) =>
      COMMANDS.find((candidate) => candidate.name === command.name())?.term ??
      new Help().subcommandTerm(command),
  });
}
