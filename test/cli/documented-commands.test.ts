import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Command, type Option } from 'commander';
import { describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const commandsFolder = join(root, 'src', 'cli', 'commands');

/** The CLI as commander defines it: every `register…Command` of src/cli/commands on a fresh program. */
async function buildProgram(): Promise<Command> {
  const program = new Command('modeldebug');
  for (const file of readdirSync(commandsFolder)
    .filter((name) => name.endsWith('.ts'))
    .sort()) {
    const module = (await import(pathToFileURL(join(commandsFolder, file)).href)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(module)) {
      if (/^register\w+Command$/.test(name) && typeof value === 'function') value(program);
    }
  }
  return program;
}

interface DocumentedCommand {
  readonly where: string;
  readonly words: readonly string[];
  readonly flags: readonly string[];
}

/**
 * `modeldebug …` lines inside fenced blocks (with a `$ ` prompt or `npx ` or not), joined with their
 * continuation lines (a trailing `\` or an indented `[--flag …]` synopsis line). Output lines such as
 * `modeldebug run: example:iris …` are not commands: the word after `modeldebug` ends in a colon.
 */
function documentedCommands(text: string, source: string): DocumentedCommand[] {
  const found: DocumentedCommand[] = [];
  const lines = text.split('\n');
  let fenced = false;
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].trimStart().startsWith('```')) {
      fenced = !fenced;
      continue;
    }
    if (!fenced) continue;
    const match = /^\s*(?:-\s+run:\s+|run:\s+)?(?:\$\s+)?(?:npx\s+)?modeldebug\s+(.*)$/.exec(lines[i]);
    if (!match || /^[\w-]+:/.test(match[1])) continue;
    let body = match[1];
    const start = i;
    while (i + 1 < lines.length && (/\\\s*$/.test(lines[i]) || /^\s+\[--/.test(lines[i + 1])))
      body += ` ${lines[++i]}`;
    const words = body
      .replace(/#.*$/, '')
      .split(/\s+/)
      .filter((word) => /^[a-z][a-z-]*$/.test(word));
    const flags = [...body.replace(/'[^']*'|"[^"]*"/g, '').matchAll(/(?<![\w-])(--[a-z][a-z0-9-]*)/g)].map(
      (m) => m[1],
    );
    found.push({ where: `${source}:${start + 1}`, words, flags });
  }
  return found;
}

function longFlags(command: Command): Set<string> {
  const flags = new Set(['--help']);
  for (const option of command.options as readonly Option[]) {
    if (option.long) flags.add(option.long);
    // commander's `--no-x` also defines `--x` when both are declared; the negation alone is `--no-x`.
  }
  return flags;
}

function helpText(command: Command): string {
  let text = '';
  command.configureOutput({ writeOut: (chunk) => (text += chunk), writeErr: (chunk) => (text += chunk) });
  command.outputHelp();
  return text;
}

const documents = [
  'README.md',
  ...readdirSync(join(root, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
];

describe('every documented command line matches the CLI', async () => {
  const program = await buildProgram();
  const lookup = (words: readonly string[]): Command | undefined => {
    let command: Command | undefined = program.commands.find((c) => c.name() === words[0]);
    const sub = command?.commands.find((c) => c.name() === words[1]);
    if (sub) command = sub;
    return command;
  };
  const fromDocs = documents.flatMap((path) =>
    documentedCommands(readFileSync(join(root, path), 'utf8'), path),
  );
  const fromHelp = program.commands.flatMap((command) =>
    documentedCommands(
      `\`\`\`\n${helpText(command).replace(/^\s+\$ /gm, '$ ')}\`\`\``,
      `${command.name()} --help`,
    ),
  );

  it('finds the commands in the README, docs/ and every --help', () => {
    expect(fromDocs.length).toBeGreaterThan(40);
    // Each command shows at least one example of itself in its --help.
    for (const command of program.commands) {
      expect(
        fromHelp.filter((line) => line.words[0] === command.name()),
        command.name(),
      ).not.toHaveLength(0);
    }
  });

  const problemsOf = (lines: readonly DocumentedCommand[]): string[] => {
    const problems: string[] = [];
    for (const line of lines) {
      if (line.words.length === 0) {
        if (line.flags.some((flag) => flag !== '--help' && flag !== '--version'))
          problems.push(`${line.where}: flags without a command`);
        continue;
      }
      const command = lookup(line.words);
      if (!command) {
        problems.push(`${line.where}: no command "${line.words[0]}"`);
        continue;
      }
      const known = longFlags(command);
      for (const flag of line.flags)
        if (!known.has(flag)) problems.push(`${line.where}: ${command.name()} has no ${flag}`);
    }
    return problems;
  };

  it('names only commands and flags the CLI defines', () => {
    expect(problemsOf([...fromDocs, ...fromHelp])).toEqual([]);
  });

  it('catches a renamed flag, an unknown command and a flag in a continuation line', () => {
    const planted = [
      '```',
      '$ modeldebug run --example iris --fail-below f1_weighted=0.9',
      'modeldebug evaluate --example iris',
      "npx modeldebug search --example iris --model 'logreg --not-a-flag' \\",
      '    --grid C=1 --gird C=2',
      'modeldebug validate <data> [--label COL]',
      '                    [--chek ID ...]',
      'modeldebug runs show ID --limit 3',
      'modeldebug run: example:iris (150 rows), 4 models',
      '```',
    ].join('\n');
    expect(problemsOf(documentedCommands(planted, 'planted.md'))).toEqual([
      'planted.md:2: run has no --fail-below',
      'planted.md:3: no command "evaluate"',
      'planted.md:4: search has no --gird',
      'planted.md:6: validate has no --chek',
      'planted.md:8: show has no --limit',
    ]);
  });

  it('links only to files that exist', () => {
    const broken: string[] = [];
    for (const path of documents) {
      const text = readFileSync(join(root, path), 'utf8');
      for (const [, target] of text.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)) {
        if (/^[a-z]+:/.test(target)) continue;
        try {
          readFileSync(join(root, dirname(path), target));
        } catch {
          broken.push(`${path}: ${target}`);
        }
      }
    }
    expect(broken).toEqual([]);
  });
});
