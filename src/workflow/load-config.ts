import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { type Document, isMap, isScalar, LineCounter, type Node, parseDocument } from 'yaml';
import type { z } from 'zod';
import { ModeldebugError } from '../core/errors.js';
import { type RunConfig, runConfigSchema } from './config-schema.js';

/**
 * Reads a run config (YAML, or JSON — a YAML document too) and validates it. A bad value is one error
 * naming the key path and the file line: `run.yaml:7: steps.search.strategy: …`.
 */
export function loadRunConfig(path: string): RunConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new ModeldebugError('file_not_found', `cannot read the config file ${path}`, {
      hint: 'give the path of a YAML or JSON run config, e.g. examples/iris.yaml',
    });
  }
  const config = parseRunConfig(text, path);
  return resolveDataPaths(config, dirname(path));
}

/** Parses and validates config text; `source` names it in errors. */
export function parseRunConfig(text: string, source: string): RunConfig {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false });
  const syntax = document.errors[0];
  if (syntax) {
    const line = lineCounter.linePos(syntax.pos[0]).line;
    throw new ModeldebugError('parse_error', `cannot parse the config: ${firstLine(syntax.message)}`, {
      where: `${source}:${line}`,
      hint: 'fix the YAML or JSON syntax on that line',
    });
  }
  const parsed = runConfigSchema.safeParse(toPlainValue(document, text, source));
  if (parsed.success) return parsed.data;
  const issue = innermostIssue(parsed.error.issues[0]);
  const node = nodeAt(document.contents, issue.path);
  const line = node?.range ? lineCounter.linePos(node.range[0]).line : 1;
  const keyPath = issue.path.length > 0 ? issue.path.join('.') : '(top level)';
  throw new ModeldebugError('invalid_argument', `${keyPath}: ${issue.message}`, {
    where: `${source}:${line}`,
    hint: 'see the config format in the README (section "modeldebug run")',
  });
}

/**
 * The document as plain values. The YAML library refuses a document whose aliases expand without
 * bound (a "billion laughs"): that is a bad config, reported at its first alias.
 */
function toPlainValue(document: Document, text: string, source: string): unknown {
  try {
    return document.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) ?? {};
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const firstAlias = text.search(/(^|[\s[{,:-])\*[^\s,\]}]/m);
    const line = firstAlias < 0 ? 1 : text.slice(0, firstAlias + 1).split('\n').length;
    throw new ModeldebugError('parse_error', `cannot read the config: ${firstLine(message)}`, {
      where: `${source}:${line}`,
      hint: 'write the values out instead of expanding aliases (*name) into each other',
    });
  }
}

/** Aliases a config may expand; the YAML library's own default, stated so the limit is ours. */
const MAX_ALIAS_COUNT = 100;

interface LocatedIssue {
  readonly path: readonly PropertyKey[];
  readonly message: string;
}

/**
 * A step is `true`, `false` or its options, so a bad option is a union error: report the options
 * branch's own issue (its path under the step), and name an unknown key by its own path.
 */
function innermostIssue(issue: z.core.$ZodIssue): LocatedIssue {
  if (issue.code === 'invalid_union') {
    const branch = issue.errors.find((issues) => !issues.every((i) => i.code === 'invalid_type'));
    if (branch?.[0]) {
      const inner = innermostIssue(branch[0]);
      return { path: [...issue.path, ...inner.path], message: inner.message };
    }
    return { path: issue.path, message: 'expected true, false or an object of options' };
  }
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0];
    return { path: [...issue.path, key], message: `unknown key "${key}"` };
  }
  return { path: issue.path, message: issue.message };
}

/** The deepest node along `path` (the parent when the key is missing), for its line. */
function nodeAt(root: unknown, path: readonly PropertyKey[]): Node | undefined {
  let node = root as Node | undefined;
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(key));
      if (!pair) return node;
      const value = pair.value as Node | null;
      // A key with no value (or a leaf): point at the key itself.
      node = value ?? (pair.key as Node);
      if (key === path[path.length - 1] && !value) return pair.key as Node;
    } else if (node && 'items' in node && Array.isArray(node.items) && typeof key === 'number') {
      const item = node.items[key] as Node | undefined;
      if (!item) return node;
      node = item;
    } else {
      return node;
    }
  }
  return node;
}

function firstLine(message: string): string {
  return message.split('\n')[0];
}

function resolveDataPaths(config: RunConfig, folder: string): RunConfig {
  const at = (path: string | undefined) =>
    path === undefined || isAbsolute(path) ? path : resolve(folder, path);
  return { ...config, data: { ...config.data, train: at(config.data.train), test: at(config.data.test) } };
}
