import { hostname, networkInterfaces } from 'node:os';

/** Bind addresses that listen on every interface: any of this machine's addresses is a fair Host. */
const WILDCARD_BINDS = new Set(['0.0.0.0', '::', '[::]']);
const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '::1'];

/**
 * The host names a browser may put in `Host:` for a viewer bound to `bindHost`. A DNS-rebinding page
 * reaches the socket under its own domain name, so anything else is refused: the viewer serves the
 * user's data and has no other protection.
 */
export function allowedHostNames(bindHost: string): ReadonlySet<string> {
  const bound = unbracket(bindHost.toLowerCase());
  const names = new Set([bound]);
  if (isLoopbackName(bound)) for (const name of LOOPBACK_NAMES) names.add(name);
  if (WILDCARD_BINDS.has(bound)) {
    for (const name of LOOPBACK_NAMES) names.add(name);
    names.add(hostname().toLowerCase());
    for (const addresses of Object.values(networkInterfaces())) {
      for (const address of addresses ?? []) names.add(address.address.toLowerCase());
    }
  }
  return names;
}

/** Whether a request's `Host:` value names this viewer: an allowed name and the bound port. */
export function isAllowedHostHeader(
  header: string | undefined,
  allowed: ReadonlySet<string>,
  port: number,
): boolean {
  if (header === undefined) return false;
  const match = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(header.trim().toLowerCase());
  if (!match) return false;
  const portInHeader = match[2] === undefined ? 80 : Number(match[2]);
  return portInHeader === port && allowed.has(unbracket(match[1]));
}

function isLoopbackName(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

function unbracket(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}
