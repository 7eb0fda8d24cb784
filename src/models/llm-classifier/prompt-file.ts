import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ModeldebugError } from '../../core/errors.js';
import type { LlmClassifierParams } from './params.js';

/** `@path`: a whole value that is `@` then a path, without spaces or braces (a template never is). */
const FILE_REFERENCE = /^@([^\s{}]+)$/;

/**
 * `template=@prompts/short.txt` (and `system=@…`) reads the prompt from a file, relative to the working
 * directory, so that `--grid template=@a.txt,@b.txt` searches prompt variants by name: trials and the
 * run store show the names, while the cache key holds the text actually sent.
 */
export function resolvePromptFiles(params: LlmClassifierParams): LlmClassifierParams {
  const template = readReference('template', params.template);
  const system = readReference('system', params.system);
  return template === params.template && system === params.system ? params : { ...params, template, system };
}

function readReference(param: 'template' | 'system', value: string | null): string | null {
  const match = value === null ? null : FILE_REFERENCE.exec(value);
  if (!match) return value;
  const path = resolve(match[1]);
  try {
    // A trailing newline is an editor's, not part of the prompt.
    return readFileSync(path, 'utf8').replace(/\r?\n$/, '');
  } catch (error) {
    throw new ModeldebugError('file_not_found', `cannot read the ${param} file ${match[1]}`, {
      where: `param ${param}`,
      hint: `check the path (relative to ${process.cwd()}): ${(error as Error).message.split('\n')[0]}`,
    });
  }
}
