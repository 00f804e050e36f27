// A loopback HTTP proxy in front of a fake (feed host, Slack Web API, Discord REST) that can
// SIGKILL the process under test at exactly the moments that matter for crash safety:
//   kill-before        the request arrived, nothing happened on the far side;
//   kill-after-commit  the far side carried it out (message posted), the answer never arrives;
//   kill-after-answer  the answer was delivered; the kill lands `delayMs` later, while the
//                      client is recording it (parsing, saving, marking sent).
// Every request that reached the far side is kept in `forwarded` (the ground truth of what the
// platform accepted). The decision is a plain function, so the caller's seeded plan decides.
import { createServer, request, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/** `kill` is bound by the caller to the process that made this request. */
export type ProxyAction =
  | { kind: 'pass' }
  /** Forward only once `until` settles: a request held in flight (e.g. across a SIGTERM). */
  | { kind: 'hold'; until: Promise<void> }
  | { kind: 'kill-before'; kill: () => void }
  | { kind: 'kill-after-commit'; kill: () => void }
  | { kind: 'kill-after-answer'; delayMs: number; kill: () => void };

export interface ProxiedRequest {
  method: string;
  path: string;
  body: string;
}

export interface KillProxy {
  origin: string;
  /** Requests passed on to the far side, in arrival order. */
  readonly forwarded: ProxiedRequest[];
  close(): Promise<void>;
}

function readAll(stream: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}

export async function startKillProxy(
  target: string,
  decide: (req: ProxiedRequest) => ProxyAction,
): Promise<KillProxy> {
  const targetUrl = new URL(target);
  const forwarded: ProxiedRequest[] = [];
  const server = createServer((req, res) => {
    void (async () => {
      const body = await readAll(req);
      const seen: ProxiedRequest = {
        method: req.method ?? 'GET',
        path: req.url ?? '/',
        body: body.toString('utf8'),
      };
      const action = decide(seen);
      if (action.kind === 'kill-before') {
        action.kill();
        req.socket.destroy();
        return;
      }
      if (action.kind === 'hold') await action.until;
      const answer = await new Promise<{
        status: number;
        headers: IncomingMessage['headers'];
        body: Buffer;
      }>((resolve, reject) => {
        const upstream = request(
          {
            host: targetUrl.hostname,
            port: targetUrl.port,
            method: seen.method,
            path: seen.path,
            headers: { ...req.headers, host: targetUrl.host },
          },
          (response) => {
            readAll(response).then(
              (bytes) =>
                resolve({
                  status: response.statusCode ?? 502,
                  headers: response.headers,
                  body: bytes,
                }),
              reject,
            );
          },
        );
        upstream.on('error', reject);
        upstream.end(body);
      });
      forwarded.push(seen);
      if (action.kind === 'kill-after-commit') {
        action.kill();
        req.socket.destroy();
        return;
      }
      const headers = { ...answer.headers };
      delete headers['transfer-encoding'];
      headers['content-length'] = String(answer.body.length);
      res.writeHead(answer.status, headers);
      res.end(answer.body);
      if (action.kind === 'kill-after-answer') setTimeout(action.kill, action.delayMs);
    })().catch(() => {
      if (!res.headersSent) res.writeHead(502).end();
      else res.destroy();
    });
  });
  server.on('clientError', (_error, socket) => socket.destroy());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    forwarded,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
