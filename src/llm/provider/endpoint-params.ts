import { z } from 'zod';
import { OPENAI_BASE_URL } from './openai-provider.js';

const envName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be an environment variable name');

/**
 * The params every step that calls an OpenAI-compatible endpoint shares (the LLM classifier and the
 * embedding transform), so that they read, default and document alike.
 */
export const ENDPOINT_PARAMS = {
  base_url: z
    .string()
    .url()
    .default(OPENAI_BASE_URL)
    .describe('the OpenAI-compatible endpoint, e.g. http://localhost:11434/v1'),
  api_key_env: envName
    .default('OPENAI_API_KEY')
    .describe(
      'the environment variable the API key is read from when calling (the key itself is never a param)',
    ),
  base_url_env: envName
    .nullable()
    .default(null)
    .describe(
      'an environment variable that holds the endpoint; when given it must be set, and it wins over base_url',
    ),
  timeout_ms: z
    .number()
    .int()
    .positive()
    .default(60_000)
    .describe('the deadline of one call, headers and body, in milliseconds'),
  max_attempts: z
    .number()
    .int()
    .positive()
    .max(20)
    .default(6)
    .describe('tries per call, retrying timeouts, 429 and 5xx with backoff'),
  cache: z
    .string()
    .min(1)
    .nullable()
    .default('memory')
    .describe(
      'memory, a SQLite file path, or null for none; the CLI caches in its run store unless this is given',
    ),
};
