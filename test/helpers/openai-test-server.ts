import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type AnswerGate, createAnswerGate } from './hold-until.js';

/** A fault the server injects instead of answering. */
export type ScriptedFault =
  | { readonly kind: 'status'; readonly status: number; readonly retryAfterSeconds?: number }
  | { readonly kind: 'hang' }
  /** Sends 200 and its headers and the start of a body, then nothing more. */
  | { readonly kind: 'stall-body' }
  /** Sends 200 and its headers, then one byte of a never-ending body every `everyMs`. */
  | { readonly kind: 'trickle'; readonly everyMs: number }
  | { readonly kind: 'reset' }
  | { readonly kind: 'malformed' }
  | { readonly kind: 'empty' };

export interface ScriptedAnswer {
  readonly content: string;
  /** Alternatives for the first token, as `top_logprobs` (only sent when the request asks for logprobs). */
  readonly firstTokenTop?: readonly { readonly token: string; readonly logprob: number }[];
  readonly refusal?: string;
  readonly finishReason?: string;
}

export interface ChatBody {
  readonly model: string;
  readonly messages: readonly { readonly role: string; readonly content: string }[];
  readonly logprobs?: boolean;
  readonly top_logprobs?: number;
  readonly seed?: number;
  readonly temperature?: number;
  readonly response_format?: unknown;
}

export interface TestServerOptions {
  /** The answer to a chat request, from its body (the last user message is `lastUser(body)`). */
  readonly answer?: (body: ChatBody) => ScriptedAnswer | string;
  /** A fault for the n-th request (0-based, counting every request), or none. */
  readonly fault?: (requestNumber: number, body: ChatBody) => ScriptedFault | undefined;
  readonly latencyMs?: number;
  /** A latency per request (e.g. by model), instead of `latencyMs`. */
  readonly latencyFor?: (body: ChatBody) => number;
  /** Holds answers until this holds, given the requests in flight at the server; then answers them together. */
  readonly holdUntil?: (inFlight: number) => boolean;
}

export interface TestServer {
  readonly baseURL: string;
  /** Requests received, chat and embeddings. */
  readonly requests: () => number;
  readonly maxInFlight: () => number;
  /** For each request in arrival order, how many were in flight when it arrived (itself included). */
  readonly inFlightAtArrival: () => readonly number[];
  readonly authorizations: () => readonly string[];
  close(): Promise<void>;
}

export function lastUser(body: ChatBody): string {
  const users = body.messages.filter((message) => message.role === 'user');
  return users[users.length - 1]?.content ?? '';
}

/**
 * A local OpenAI-compatible server on 127.0.0.1 (port 0): chat completions with logprobs and
 * embeddings, scripted answers, latency and faults (429 with Retry-After, 5xx, a hang, a connection
 * reset, malformed JSON, empty choices). Tests start and stop it; nothing touches the network.
 */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  let count = 0;
  let inFlight = 0;
  let maxInFlight = 0;
  const arrivals: number[] = [];
  const authorizations: string[] = [];
  const sockets = new Set<import('node:net').Socket>();
  const holdUntil = options.holdUntil;
  const gate = holdUntil ? createAnswerGate(() => holdUntil(inFlight)) : undefined;
  const server = createServer((request, response) => {
    const number = count++;
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    arrivals.push(inFlight);
    response.on('close', () => {
      inFlight--;
    });
    authorizations.push(request.headers.authorization ?? '');
    void handle(request, response, number, options, gate);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests: () => count,
    maxInFlight: () => maxInFlight,
    inFlightAtArrival: () => arrivals,
    authorizations: () => authorizations,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

async function handle(
  request: IncomingMessage,
  response: ServerResponse,
  number: number,
  options: TestServerOptions,
  gate: AnswerGate | undefined,
): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
  const latency = options.latencyFor?.(body) ?? options.latencyMs;
  if (latency) await new Promise((resolve) => setTimeout(resolve, latency));
  await gate?.wait();
  const fault = options.fault?.(number, body);
  if (fault) return injectFault(fault, response);
  if (request.url?.endsWith('/embeddings')) return sendJson(response, 200, embeddings(body));
  if (!request.url?.endsWith('/chat/completions'))
    return sendJson(response, 404, { error: { message: 'no route' } });
  const scripted = options.answer?.(body) ?? 'ok';
  const answer = typeof scripted === 'string' ? { content: scripted } : scripted;
  sendJson(response, 200, completion(body, answer));
}

function injectFault(fault: ScriptedFault, response: ServerResponse): void {
  if (fault.kind === 'hang') return; // never answers; the client's timeout must fire
  if (fault.kind === 'stall-body' || fault.kind === 'trickle') {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.flushHeaders();
    response.write('{"id": "chatcmpl-stalled", ');
    if (fault.kind === 'trickle') {
      const timer = setInterval(() => response.write(' '), fault.everyMs);
      response.on('close', () => clearInterval(timer));
    }
    return;
  }
  if (fault.kind === 'reset') {
    response.socket?.destroy();
    return;
  }
  if (fault.kind === 'malformed') {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end('{"choices": [ {"message": ');
    return;
  }
  if (fault.kind === 'empty') {
    sendJson(response, 200, { choices: [], usage: null });
    return;
  }
  const headers: Record<string, string> = {};
  if (fault.retryAfterSeconds !== undefined) headers['retry-after'] = String(fault.retryAfterSeconds);
  sendJson(response, fault.status, { error: { message: `scripted ${fault.status}`, type: 'test' } }, headers);
}

function sendJson(
  response: ServerResponse,
  status: number,
  value: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(value);
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(text);
}

function completion(body: ChatBody, answer: ScriptedAnswer): unknown {
  const promptChars = body.messages.reduce((sum, message) => sum + message.content.length, 0);
  const logprobs = body.logprobs
    ? {
        content: [
          {
            token: answer.content,
            logprob: answer.firstTokenTop?.[0]?.logprob ?? 0,
            top_logprobs: (answer.firstTokenTop ?? [{ token: answer.content, logprob: 0 }]).slice(
              0,
              body.top_logprobs ?? 5,
            ),
          },
        ],
      }
    : null;
  return {
    id: 'chatcmpl-test',
    object: 'chat.completion',
    created: 0,
    model: body.model,
    choices: [
      {
        index: 0,
        finish_reason: answer.finishReason ?? 'stop',
        message: {
          role: 'assistant',
          content: answer.refusal ? null : answer.content,
          refusal: answer.refusal ?? null,
        },
        logprobs,
      },
    ],
    usage: {
      prompt_tokens: Math.ceil(promptChars / 4),
      completion_tokens: Math.max(1, Math.ceil(answer.content.length / 4)),
      total_tokens: 0,
    },
  };
}

/**
 * A deterministic 8-dimensional vector per input, from its hash; as float arrays, or base64 of float32
 * when asked (`encoding_format: 'base64'`, what the SDK requests by default).
 */
function embeddings(body: { input: string | string[]; encoding_format?: string }): unknown {
  const inputs = Array.isArray(body.input) ? body.input : [body.input];
  return {
    object: 'list',
    data: inputs.map((input, index) => {
      const digest = createHash('sha256').update(input).digest();
      const vector = Float32Array.from(digest.subarray(0, 8), (b) => b / 255);
      const embedding =
        body.encoding_format === 'base64'
          ? Buffer.from(vector.buffer).toString('base64')
          : Array.from(vector);
      return { object: 'embedding', index, embedding };
    }),
    usage: { prompt_tokens: inputs.length, total_tokens: inputs.length },
  };
}
