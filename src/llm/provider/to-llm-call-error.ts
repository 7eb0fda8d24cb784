import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import { LlmCallError, reasonForStatus } from './llm-call-error.js';
import { redactSecret } from './redact-secret.js';
import { parseRetryAfter } from './retry-after.js';

const FAIL_FAST_HINT: Record<number, string> = {
  400: 'the endpoint rejected the request: check model, params and template',
  401: 'check the API key in the environment variable named by api_key_env',
  403: 'the key has no access to this model or endpoint',
  404: 'check base_url (it usually ends in /v1) and the model name',
};

/** Maps whatever the SDK or `fetch` threw to one typed error, with the key redacted from its text. */
export function toLlmCallError(
  error: unknown,
  context: { readonly apiKey: string | undefined; readonly aborted: boolean },
): LlmCallError {
  if (error instanceof LlmCallError) return error;
  const text = (message: string) => redactSecret(message, context.apiKey);
  if (error instanceof APIUserAbortError || context.aborted) {
    return new LlmCallError('aborted', 'the request was aborted');
  }
  if (error instanceof APIConnectionTimeoutError) {
    return new LlmCallError('timeout', 'the request timed out');
  }
  if (error instanceof APIConnectionError) {
    const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
    return new LlmCallError('connection', text(`connection failed${cause}`));
  }
  if (error instanceof APIError && typeof error.status === 'number') {
    const reason = reasonForStatus(error.status) ?? 'server';
    return new LlmCallError(reason, text(`HTTP ${error.status} from the endpoint: ${bodyMessage(error)}`), {
      statusCode: error.status,
      retryAfterMs: parseRetryAfter(error.headers),
      hint: FAIL_FAST_HINT[error.status],
    });
  }
  if (error instanceof SyntaxError) {
    return new LlmCallError('malformed_response', 'the endpoint answered with malformed JSON');
  }
  const message = error instanceof Error ? error.message : String(error);
  return new LlmCallError('connection', text(`request failed: ${message}`));
}

/** The endpoint's own words (`{"error": {"message": …}}`), else the SDK's message without the status. */
function bodyMessage(error: APIError): string {
  const body = error.error as { message?: unknown } | undefined;
  if (body && typeof body.message === 'string' && body.message !== '') return body.message.slice(0, 500);
  return error.message.replace(/^\d{3}\s*/, '') || 'no message';
}
