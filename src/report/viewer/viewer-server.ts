import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ModeldebugError } from '../../core/errors.js';
import { openRunStore, type RunStore } from '../../store/index.js';
import { allowedHostNames, isAllowedHostHeader } from './allowed-hosts.js';
import { CONTENT_SECURITY_POLICY, messagePage } from './page-shell.js';
import { routeViewerRequest, type ViewerResponse } from './viewer-routes.js';

export interface ViewerOptions {
  /** The SQLite run store to show; it must exist (the viewer never creates one). */
  readonly storePath: string;
  /** 0 picks a free port. */
  readonly port: number;
  /** 127.0.0.1 unless the caller asks otherwise: the pages show the user's data. */
  readonly host?: string;
}

export interface RunningViewer {
  readonly url: string;
  close(): Promise<void>;
}

const CONTENT_TYPES = {
  html: 'text/html; charset=utf-8',
  json: 'application/json; charset=utf-8',
} as const;

/** Serves the run store read-only over HTTP until `close()`. */
export async function startViewer(options: ViewerOptions): Promise<RunningViewer> {
  const host = options.host ?? '127.0.0.1';
  if (!existsSync(options.storePath)) {
    throw new ModeldebugError('file_not_found', `no run store at ${options.storePath}`, {
      where: '--store',
      hint: 'start a run with modeldebug run (or modeldebug search), or pass --store PATH',
    });
  }
  const store = openRunStore(options.storePath);
  const allowedHosts = allowedHostNames(host);
  // The port is known only once listening (port 0 picks one); no request arrives before that.
  let boundPort = options.port;
  const server = createServer((request, response) =>
    answer(store, request, response, isAllowedHostHeader(request.headers.host, allowedHosts, boundPort)),
  );
  try {
    await listen(server, options.port, host);
  } catch (error) {
    store.close();
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  boundPort = port;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        // A browser keeps idle connections open; without this, close would wait for them to time out.
        server.closeAllConnections();
        server.close(() => {
          store.close();
          resolve();
        });
      }),
  };
}

/** Whether a bind address only accepts connections from this machine. */
export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

function listen(server: ReturnType<typeof createServer>, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      const problem =
        error.code === 'EADDRINUSE'
          ? `port ${port} on ${host} is in use`
          : `cannot listen on ${host}:${port} (${error.code ?? error.message})`;
      reject(
        new ModeldebugError('invalid_argument', problem, {
          where: '--port',
          hint: 'pick another port with --port N (0 picks a free one)',
        }),
      );
    });
    server.listen(port, host, () => resolve());
  });
}

function answer(
  store: RunStore,
  request: IncomingMessage,
  response: ServerResponse,
  hostAllowed: boolean,
): void {
  let result: ViewerResponse;
  if (!hostAllowed) {
    // 421 Misdirected Request: the Host names another server (a DNS-rebinding page, a proxy mix-up).
    result = {
      status: 421,
      type: 'html',
      body: messagePage('Misdirected request', 'open the viewer at the address modeldebug view printed'),
    };
  } else if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.setHeader('Allow', 'GET, HEAD');
    result = { status: 405, type: 'html', body: messagePage('Method not allowed', 'the viewer only reads') };
  } else {
    try {
      result = routeViewerRequest(store, new URL(request.url ?? '/', 'http://viewer.invalid'));
    } catch (error) {
      // A bug or a damaged store: say what failed in one line, never a stack trace in the page.
      const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
      result = { status: 500, type: 'html', body: messagePage('Viewer error', message) };
    }
  }
  response.statusCode = result.status;
  response.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.setHeader('Referrer-Policy', 'no-referrer');
  response.setHeader('Cache-Control', 'no-store');
  if (result.type === 'none') {
    response.end();
    return;
  }
  response.setHeader('Content-Type', CONTENT_TYPES[result.type]);
  response.end(request.method === 'HEAD' ? undefined : result.body);
}
