import { ModeldebugError } from '../../core/errors.js';

const SECRET_KEYS = ['api_key', 'apiKey', 'key', 'token', 'openai_api_key'];

/**
 * Refuses params that would carry an API key: keys come only from the environment. Called before the
 * params are parsed, so the value is never echoed in an "invalid value" message.
 */
export function rejectKeyParams(kind: string, input: unknown): void {
  if (!input || typeof input !== 'object') return;
  const secret = SECRET_KEYS.find((key) => key in input);
  if (secret) {
    throw new ModeldebugError('unknown_param', `${kind} takes no "${secret}" param`, {
      where: `param ${secret}`,
      hint: 'keys never go in params: put it in an environment variable and name that with api_key_env',
    });
  }
}
