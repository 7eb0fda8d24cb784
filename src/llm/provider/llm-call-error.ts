import { ModeldebugError } from '../../core/errors.js';

/**
 * Why a call failed. `rate_limit`, `server`, `timeout`, `connection`, `malformed_response` and
 * `empty_response` are transient and retried; the others fail the whole run at once.
 */
export type LlmFailureReason =
  | 'rate_limit'
  | 'server'
  | 'timeout'
  | 'connection'
  | 'malformed_response'
  | 'empty_response'
  | 'bad_request'
  | 'authentication'
  | 'permission'
  | 'not_found'
  | 'aborted';

const RETRYABLE: ReadonlySet<LlmFailureReason> = new Set([
  'rate_limit',
  'server',
  'timeout',
  'connection',
  'malformed_response',
  'empty_response',
]);

export interface LlmCallErrorDetails {
  readonly statusCode?: number;
  /** From the `Retry-After` (or `retry-after-ms`) header of a 429/503. */
  readonly retryAfterMs?: number;
  readonly hint?: string;
  readonly where?: string;
}

/** A failed call to an LLM endpoint. The message never holds the API key (see redact-secret.ts). */
export class LlmCallError extends ModeldebugError {
  readonly reason: LlmFailureReason;
  readonly statusCode: number | undefined;
  readonly isRetryable: boolean;
  readonly retryAfterMs: number | undefined;

  constructor(reason: LlmFailureReason, problem: string, details: LlmCallErrorDetails = {}) {
    super('llm_request_failed', problem, { hint: details.hint, where: details.where });
    this.name = 'LlmCallError';
    this.reason = reason;
    this.statusCode = details.statusCode;
    this.isRetryable = RETRYABLE.has(reason);
    this.retryAfterMs = details.retryAfterMs;
  }
}

export function isLlmCallError(error: unknown): error is LlmCallError {
  return error instanceof LlmCallError;
}

/** The reason an HTTP status maps to; `undefined` for statuses that are not errors. */
export function reasonForStatus(status: number): LlmFailureReason | undefined {
  if (status === 429) return 'rate_limit';
  if (status === 401) return 'authentication';
  if (status === 403) return 'permission';
  if (status === 404) return 'not_found';
  if (status === 408 || status === 409 || status >= 500) return 'server';
  if (status >= 400) return 'bad_request';
  return undefined;
}
