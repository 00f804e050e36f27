// A loopback feed host for tests, the demo and benchmarks: a real node:http server on
// 127.0.0.1, port 0, serving fixture files and scripted misbehaviour per path.
//
//   const server = await startFeedServer({
//     '/feed.xml': serveFile('test/fixtures/feeds/rss2-nhs.xml', { etag: '"v1"' }),
//     '/slow': hang(),
//   });
//   await fetchSource({ url: server.url('/feed.xml') }, options);
//   server.requests;          // every request: method, path, headers
//   server.setRoute('/slow', serveBody('<rss/>'));   // change behaviour mid-test (recovery)
//   await server.close();     // also ends hanging and dripping connections
//
// Routes are plain functions (req, res) => void; the helpers below cover the fault cases of
// issues 2 and 8. serveFile/serveBody answer conditional GETs with 304 when validators match.
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

export type FeedRoute = (req: IncomingMessage, res: ServerResponse) => void;

export interface LoggedRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
}

export interface FeedServer {
  /** Absolute URL of `path` on this server, e.g. url('/feed.xml'). */
  url(path: string): string;
  readonly origin: string;
  readonly requests: LoggedRequest[];
  setRoute(path: string, route: FeedRoute): void;
  close(): Promise<void>;
}

const REPO_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

export type BodyEncoding = 'gzip' | 'deflate' | 'deflate-raw' | 'br';

export interface BodyOptions {
  contentType?: string;
  status?: number;
  etag?: string;
  lastModified?: string;
  encoding?: BodyEncoding;
  headers?: Record<string, string>;
}

function encode(bytes: Buffer, encoding: BodyEncoding | undefined): Buffer {
  switch (encoding) {
    case 'gzip':
      return zlib.gzipSync(bytes);
    case 'deflate':
      return zlib.deflateSync(bytes);
    case 'deflate-raw':
      return zlib.deflateRawSync(bytes);
    case 'br':
      return zlib.brotliCompressSync(bytes);
    default:
      return bytes;
  }
}

/** Serves fixed bytes; 304 when If-None-Match / If-Modified-Since match the given validators. */
export function serveBody(body: string | Uint8Array, options: BodyOptions = {}): FeedRoute {
  const raw = typeof body === 'string' ? Buffer.from(body, 'utf8') : Buffer.from(body);
  const payload = encode(raw, options.encoding);
  return (req, res) => {
    const validators: Record<string, string> = {};
    if (options.etag) validators.etag = options.etag;
    if (options.lastModified) validators['last-modified'] = options.lastModified;
    const etagMatch = options.etag !== undefined && req.headers['if-none-match'] === options.etag;
    const dateMatch =
      options.etag === undefined &&
      options.lastModified !== undefined &&
      req.headers['if-modified-since'] === options.lastModified;
    if (etagMatch || dateMatch) {
      res.writeHead(304, validators).end();
      return;
    }
    res.writeHead(options.status ?? 200, {
      'content-type': options.contentType ?? 'application/rss+xml; charset=utf-8',
      'content-length': String(payload.length),
      ...(options.encoding
        ? { 'content-encoding': options.encoding === 'deflate-raw' ? 'deflate' : options.encoding }
        : {}),
      ...validators,
      ...options.headers,
    });
    res.end(payload);
  };
}

/** Serves a file (path relative to the repository root, or absolute). */
export function serveFile(path: string, options: BodyOptions = {}): FeedRoute {
  const bytes = readFileSync(isAbsolute(path) ? path : resolve(REPO_ROOT, path));
  return serveBody(bytes, options);
}

/** A bare status with optional headers and body (404, 410, 429 + Retry-After, 500 ...). */
export function respondStatus(
  status: number,
  headers: Record<string, string> = {},
  body = '',
): FeedRoute {
  return (_req, res) => {
    res.writeHead(status, { 'content-type': 'text/plain', ...headers }).end(body);
  };
}

export function redirectTo(location: string, status = 302): FeedRoute {
  return (_req, res) => {
    res.writeHead(status, { location }).end();
  };
}

/** Accepts the request and never answers (the client must time out). */
export function hang(): FeedRoute {
  return () => undefined;
}

/** Sends headers, then one byte every `intervalMs` for ever (until the client gives up). */
export function drip(intervalMs = 50): FeedRoute {
  return (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml' });
    res.write('<');
    const timer = setInterval(() => res.write(' '), intervalMs);
    res.on('close', () => clearInterval(timer));
  };
}

/** Promises `body` in Content-Length, sends half of it, then destroys the socket. */
export function resetMidBody(body: string): FeedRoute {
  return (_req, res) => {
    const bytes = Buffer.from(body);
    res.writeHead(200, {
      'content-type': 'application/rss+xml',
      'content-length': String(bytes.length),
    });
    res.write(bytes.subarray(0, Math.floor(bytes.length / 2)), () => res.socket?.destroy());
  };
}

/** A `bytes`-long body, streamed; with `declareLength` false it is sent chunked (no length). */
export function oversize(bytes: number, declareLength = true): FeedRoute {
  return (_req, res) => {
    res.writeHead(200, {
      'content-type': 'application/rss+xml',
      ...(declareLength ? { 'content-length': String(bytes) } : {}),
    });
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    let sent = 0;
    const pump = (): void => {
      while (sent < bytes) {
        const part = chunk.subarray(0, Math.min(chunk.length, bytes - sent));
        sent += part.length;
        if (!res.write(part)) {
          res.once('drain', pump);
          return;
        }
      }
      res.end();
    };
    res.on('error', () => undefined);
    pump();
  };
}

let bombCache: { size: number; bytes: Buffer } | undefined;

/** A gzip body that inflates to `decompressedBytes` of zeros (generated once, in memory). */
export function gzipBomb(decompressedBytes = 50 * 1024 * 1024): FeedRoute {
  if (bombCache?.size !== decompressedBytes) {
    bombCache = {
      size: decompressedBytes,
      bytes: zlib.gzipSync(Buffer.alloc(decompressedBytes), { level: 9 }),
    };
  }
  const payload = bombCache.bytes;
  return (_req, res) => {
    res.writeHead(200, {
      'content-type': 'application/rss+xml',
      'content-encoding': 'gzip',
      'content-length': String(payload.length),
    });
    res.on('error', () => undefined);
    res.end(payload);
  };
}

/** Answers with each route in turn, repeating the last one (e.g. 500, 500, then the feed). */
export function sequence(routes: FeedRoute[]): FeedRoute {
  let index = 0;
  return (req, res) => {
    const route = routes[Math.min(index, routes.length - 1)]!;
    index++;
    route(req, res);
  };
}

export async function startFeedServer(routes: Record<string, FeedRoute> = {}): Promise<FeedServer> {
  const table = new Map(Object.entries(routes));
  const requests: LoggedRequest[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    requests.push({ method: req.method ?? 'GET', path, headers: req.headers });
    const route = table.get(path);
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    route(req, res);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolvePromise) => server.listen(0, '127.0.0.1', resolvePromise));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    requests,
    url: (path) => `${origin}${path.startsWith('/') ? path : `/${path}`}`,
    setRoute: (path, route) => {
      table.set(path, route);
    },
    close: () =>
      new Promise<void>((resolvePromise) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolvePromise());
      }),
  };
}
