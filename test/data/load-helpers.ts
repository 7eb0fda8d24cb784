import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isModeldebugError } from '../../src/core/index.js';

/** Writes `content` to a fresh temporary folder and returns the file's path. */
export function tempFile(name: string, content: string | Buffer): string {
  const folder = mkdtempSync(join(tmpdir(), 'md-data-'));
  const path = join(folder, name);
  writeFileSync(path, content);
  return path;
}

export async function errorOf(run: () => Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await run();
  } catch (error) {
    if (isModeldebugError(error)) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('expected a ModeldebugError');
}
