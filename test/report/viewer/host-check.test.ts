import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allowedHostNames, isAllowedHostHeader } from '../../../src/report/viewer/allowed-hosts.js';
import { type RunningViewer, startViewer } from '../../../src/report/viewer/index.js';
import { seedViewerStore } from '../../helpers/viewer-runs.js';

let viewer: RunningViewer;
let port: number;

beforeAll(async () => {
  viewer = await startViewer({ storePath: seedViewerStore().storePath, port: 0 });
  port = Number(new URL(viewer.url).port);
});
afterAll(() => viewer.close());

/** A GET with a chosen `Host:` header (fetch would put the URL's host there). */
function getWithHost(host: string | undefined): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = host === undefined ? {} : { host };
    const sent = request(
      { host: '127.0.0.1', port, path: '/', headers, setHost: host !== undefined },
      (res) => {
        let body = '';
        res.on('data', (chunk) => {
          body += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    sent.on('error', reject);
    sent.end();
  });
}

describe('the viewer and DNS rebinding (issue 16.13)', () => {
  it('answers under the loopback names it is bound to', async () => {
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST:${port}`, `[::1]:${port}`]) {
      const { status, body } = await getWithHost(host);
      expect(status, host).toBe(200);
      expect(body, host).toContain('<table');
    }
  });

  it('refuses another name or another port with 421, and no Host with 400, showing no data', async () => {
    const refused = [
      `attacker.example:${port}`,
      'attacker.example',
      `127.0.0.1:${port + 1}`,
      `127.0.0.1.nip.io:${port}`,
    ];
    for (const host of refused) {
      const { status, body } = await getWithHost(host);
      expect(status, host).toBe(421);
      expect(body, host).toContain('Misdirected request');
      expect(body, host).not.toContain('iris.csv');
    }
    // Node's server itself answers an HTTP/1.1 request without Host with 400 (requireHostHeader).
    expect((await getWithHost(undefined)).status).toBe(400);
  });

  it('takes the bound address as given for a non-loopback bind', () => {
    const allowed = allowedHostNames('192.168.7.9');
    expect(isAllowedHostHeader('192.168.7.9:7070', allowed, 7070)).toBe(true);
    expect(isAllowedHostHeader('localhost:7070', allowed, 7070)).toBe(false);
    expect(isAllowedHostHeader('evil.test:7070', allowed, 7070)).toBe(false);
    expect(isAllowedHostHeader('192.168.7.9', allowed, 80)).toBe(true);
  });
});
