import { type Command, Help, type Option } from 'commander';

/** How every data argument reads in --help: the formats DuckDB loads for us, not only CSV. */
export const DATA_FILE_DESCRIPTION = 'the data: CSV / TSV (.gz), JSON, JSONL or Parquet, with a header row';

/**
 * A command's --help ends with worked examples (each a full `modeldebug …` line, checked against the
 * commands by test/cli/documented-commands.test.ts), and shows defaults as a user types them: no
 * "(default: [])" for a repeatable flag given no value, no quotes around a plain default.
 */
export function withHelpExamples(command: Command, examples: readonly string[]): Command {
  command.configureHelp({ optionDescription: describeOption });
  if (examples.length === 0) return command;
  const lines = examples.map((example) => `  $ ${example}`);
  return command.addHelpText('after', `\nExamples:\n${lines.join('\n')}\n`);
}

function describeOption(option: Option): string {
  const defaultValue: unknown = option.defaultValue;
  const shown = Object.assign(Object.create(Object.getPrototypeOf(option) as object) as Option, option);
  if (Array.isArray(defaultValue) && defaultValue.length === 0) shown.defaultValue = undefined;
  else if (typeof defaultValue === 'string' && option.defaultValueDescription === undefined)
    shown.defaultValueDescription = defaultValue;
  return Help.prototype.optionDescription.call(new Help(), shown);
}
