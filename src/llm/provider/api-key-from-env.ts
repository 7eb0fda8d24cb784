import { ModeldebugError } from '../../core/errors.js';
import { normaliseBaseURL, OPENAI_BASE_URL } from './openai-client.js';

/**
 * Reads the key from the variable `apiKeyEnv` names, at call time only. OpenAI's own endpoint needs
 * one; local servers (Ollama, vLLM, llama.cpp, LM Studio) usually take none, so an empty or missing
 * key is `undefined` there.
 */
export function apiKeyFromEnv(
  env: Readonly<Record<string, string | undefined>>,
  apiKeyEnv: string,
  baseURL: string,
): string | undefined {
  const key = env[apiKeyEnv];
  if ((key === undefined || key === '') && normaliseBaseURL(baseURL) === OPENAI_BASE_URL) {
    throw new ModeldebugError('invalid_argument', `the environment variable ${apiKeyEnv} is not set`, {
      where: 'param api_key_env',
      hint: `export ${apiKeyEnv}=<your key>, or name another variable with api_key_env`,
    });
  }
  return key === '' ? undefined : key;
}
