// Fetches one source URL politely and defensively. Expected failures are values (FetchResult),
// never exceptions: the poll records them on the source and carries on.
// - conditional GET (If-None-Match / If-Modified-Since -> 304 'not-modified');
// - Accept-Encoding gzip/deflate/br, decompressed by us with a cap on the decompressed size;
// - redirects followed by hand, up to maxRedirects, loops detected, non-http(s) targets refused;
//   when the chain starts with permanent redirects (301/308) the last permanent target is
//   reported as `permanentRedirectTo` so the stored URL can be updated;
// - Retry-After (seconds or HTTP-date) on 429/503 as `retryAfterMs`; 410 sets `gone`;
// - connect timeout (socket) and a total timeout covering redirects, headers and body, so a
//   server that never answers or drips a byte a second ends at `timeoutMs`;
// - HTTPS_PROXY / HTTP_PROXY / NO_PROXY through undici's EnvHttpProxyAgent, with values passed
//   in by the caller (this module never reads process.env);
// - SSRF guard (address-policy.ts) unless allowPrivateAddresses. Through a proxy only literal
//   addresses can be checked: the proxy resolves names.
import { STATUS_CODES } from 'node:http';
import { Agent, EnvHttpProxyAgent, request, type Dispatcher } from 'undici';
import { checkHostLiteral, guardedLookup } from './address-policy.js';
import { classifyFetchError, parseRetryAfter, type NetworkErrorReason } from './fetch-errors.js';
import type { FetchLimiter } from './limiter.js';
import { parseContentEncoding, readBodyCapped, UnsupportedEncodingError } from './read-body.js';

export type { NetworkErrorReason } from './fetch-errors.js';

export interface FetchRequest {
  url: string;
  /** Validators from the previous successful fetch (conditional GET). */
  etag?: string | null;
  lastModified?: string | null;
}

export interface ProxySettings {
  httpsProxy?: string;
  httpProxy?: string;
  noProxy?: string;
}

export interface FetchOptions {
  userAgent: string;
  connectTimeoutMs: number;
  /** Whole fetch: every redirect hop, headers and body. */
  timeoutMs: number;
  /** Cap on the decompressed body. */
  maxBytes: number;
  maxRedirects: number;
  proxy?: ProxySettings;
  allowPrivateAddresses: boolean;
  signal?: AbortSignal;
  now?: () => Date;
  limiter?: FetchLimiter;
}

export type FetchResult =
  | {
      status: 'ok';
      httpStatus: number;
      bytes: Uint8Array;
      contentType: string | null;
      etag: string | null;
      lastModified: string | null;
      finalUrl: string;
      permanentRedirectTo?: string;
      detail: string;
    }
  | {
      status: 'not-modified';
      etag: string | null;
      lastModified: string | null;
      finalUrl: string;
      permanentRedirectTo?: string;
      detail: string;
    }
  | {
      status: 'http-error';
      httpStatus: number;
      retryAfterMs?: number;
      /** 410 Gone: the publisher says the feed is no more. */
      gone?: boolean;
      finalUrl: string;
      permanentRedirectTo?: string;
      detail: string;
    }
  | { status: 'network-error'; reason: NetworkErrorReason; detail: string }
  | { status: 'timeout'; phase: 'connect' | 'total'; detail: string }
  | { status: 'too-large'; limitBytes: number; detail: string }
  | { status: 'blocked'; detail: string };

const ACCEPT =
  'application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, ' +
  'application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.7, */*;q=0.5';
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/** Builds the User-Agent the bot sends, with the operator's contact URL (RFC 9110 §10.1.5). */
export function buildUserAgent(version: string, contactUrl: string): string {
  return `nhs-briefing-bot/${version} (+${contactUrl})`;
}

function createDispatcher(options: FetchOptions): Dispatcher {
  const connect = {
    timeout: options.connectTimeoutMs,
    ...(options.allowPrivateAddresses ? {} : { lookup: guardedLookup }),
  };
  const { httpProxy, httpsProxy, noProxy } = options.proxy ?? {};
  if (httpProxy || httpsProxy) {
    // Empty strings (not undefined) so undici does not fall back to process.env.
    return new EnvHttpProxyAgent({
      httpProxy: httpProxy ?? '',
      httpsProxy: httpsProxy ?? '',
      noProxy: noProxy ?? '',
      connect,
      proxyTls: { timeout: options.connectTimeoutMs },
    });
  }
  return new Agent({ connect });
}

function header(headers: Record<string, string | string[] | undefined>, name: string): string | null {
  const value = headers[name];
  if (value === undefined) return null;
  return Array.isArray(value) ? (value[0] ?? null) : value;
}

function statusText(status: number): string {
  return `HTTP ${status} ${STATUS_CODES[status] ?? ''}`.trimEnd();
}

function isHttpScheme(url: URL): boolean {
  return url.protocol === 'http:' || url.protocol === 'https:';
}

export async function fetchSource(req: FetchRequest, options: FetchOptions): Promise<FetchResult> {
  let start: URL;
  try {
    start = new URL(req.url);
  } catch {
    return { status: 'blocked', detail: `blocked: "${req.url}" is not a valid URL` };
  }
  if (!isHttpScheme(start)) {
    return { status: 'blocked', detail: `blocked: ${start.protocol} URLs are not fetched` };
  }
  const run = (): Promise<FetchResult> => fetchWithTimeout(start, req, options);
  return options.limiter ? options.limiter.run(start.host, run) : run();
}

async function fetchWithTimeout(
  start: URL,
  req: FetchRequest,
  options: FetchOptions,
): Promise<FetchResult> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, options.timeoutMs);
  const onCallerAbort = (): void => controller.abort();
  options.signal?.addEventListener('abort', onCallerAbort, { once: true });
  const dispatcher = createDispatcher(options);
  let host = start.host;
  try {
    return await followRedirects(start, req, options, dispatcher, controller.signal, (h) => {
      host = h;
    });
  } catch (error) {
    if (timedOut) {
      return { status: 'timeout', phase: 'total', detail: `no complete answer within ${options.timeoutMs} ms` };
    }
    if (options.signal?.aborted) {
      return { status: 'network-error', reason: 'aborted', detail: 'fetch cancelled' };
    }
    if (error instanceof UnsupportedEncodingError) {
      return { status: 'network-error', reason: 'bad-encoding', detail: error.message };
    }
    const failure = classifyFetchError(error, host);
    if (failure.kind === 'blocked') return { status: 'blocked', detail: failure.detail };
    if (failure.kind === 'timeout') {
      return { status: 'timeout', phase: failure.phase, detail: failure.detail };
    }
    return { status: 'network-error', reason: failure.reason, detail: failure.detail };
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onCallerAbort);
    // Per-fetch dispatcher: destroying it also ends sockets of a server that never answered.
    await dispatcher.destroy().catch(() => undefined);
  }
}

async function followRedirects(
  start: URL,
  req: FetchRequest,
  options: FetchOptions,
  dispatcher: Dispatcher,
  signal: AbortSignal,
  onHop: (host: string) => void,
): Promise<FetchResult> {
  const now = options.now ?? (() => new Date());
  const visited = new Set<string>([start.href]);
  let current = start;
  let permanentRedirectTo: string | undefined;
  let chainStillPermanent = true;
  const headers: Record<string, string> = {
    'user-agent': options.userAgent,
    accept: ACCEPT,
    'accept-encoding': 'gzip, deflate, br',
  };
  if (req.etag) headers['if-none-match'] = req.etag;
  if (req.lastModified) headers['if-modified-since'] = req.lastModified;

  for (let hop = 0; ; hop++) {
    onHop(current.host);
    if (!options.allowPrivateAddresses) {
      const refusal = checkHostLiteral(current.hostname);
      if (refusal) return { status: 'blocked', detail: `blocked: ${refusal}` };
    }
    const response = await request(current, {
      method: 'GET',
      headers,
      dispatcher,
      signal,
      headersTimeout: options.timeoutMs,
      bodyTimeout: options.timeoutMs,
    });
    const status = response.statusCode;
    const responseHeaders = response.headers;
    const location = header(responseHeaders, 'location');
    const withRedirect = permanentRedirectTo ? { permanentRedirectTo } : {};

    if (REDIRECT_STATUSES.has(status) && location) {
      await response.body.dump();
      if (hop >= options.maxRedirects) {
        return {
          status: 'network-error',
          reason: 'too-many-redirects',
          detail: `more than ${options.maxRedirects} redirects`,
        };
      }
      let next: URL;
      try {
        next = new URL(location, current);
      } catch {
        return { status: 'network-error', reason: 'bad-redirect', detail: `unusable redirect to "${location}"` };
      }
      if (!isHttpScheme(next)) {
        return { status: 'blocked', detail: `blocked: redirect to a ${next.protocol} URL refused` };
      }
      next.hash = '';
      if (visited.has(next.href)) {
        return { status: 'network-error', reason: 'redirect-loop', detail: `redirect loop at ${next.href}` };
      }
      visited.add(next.href);
      if (chainStillPermanent && (status === 301 || status === 308)) permanentRedirectTo = next.href;
      else chainStillPermanent = false;
      current = next;
      continue;
    }

    const etag = header(responseHeaders, 'etag');
    const lastModified = header(responseHeaders, 'last-modified');
    if (status === 304) {
      await response.body.dump();
      return {
        status: 'not-modified',
        etag: etag ?? req.etag ?? null,
        lastModified: lastModified ?? req.lastModified ?? null,
        finalUrl: current.href,
        ...withRedirect,
        detail: 'not modified since the last poll',
      };
    }
    if (status < 200 || status >= 300) {
      await response.body.dump().catch(() => undefined);
      const retryAfterMs =
        status === 429 || status === 503
          ? parseRetryAfter(header(responseHeaders, 'retry-after'), now())
          : undefined;
      const gone = status === 410;
      const wait = retryAfterMs !== undefined ? ` (retry after ${Math.ceil(retryAfterMs / 1000)} s)` : '';
      const goneNote = gone ? ': the publisher has removed this feed' : '';
      return {
        status: 'http-error',
        httpStatus: status,
        ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
        ...(gone ? { gone } : {}),
        finalUrl: current.href,
        ...withRedirect,
        detail: `${statusText(status)}${goneNote}${wait}`,
      };
    }

    const codings = parseContentEncoding(header(responseHeaders, 'content-encoding'));
    const declaredLength = Number(header(responseHeaders, 'content-length') ?? NaN);
    if (codings.length === 0 && Number.isFinite(declaredLength) && declaredLength > options.maxBytes) {
      response.body.destroy();
      return tooLarge(options.maxBytes, `declares ${declaredLength} bytes`);
    }
    const body = await readBodyCapped(response.body, codings, options.maxBytes);
    if (body.status === 'too-large') {
      response.body.destroy();
      return tooLarge(options.maxBytes, codings.length ? 'after decompression' : '');
    }
    return {
      status: 'ok',
      httpStatus: status,
      bytes: body.bytes,
      contentType: header(responseHeaders, 'content-type'),
      etag,
      lastModified,
      finalUrl: current.href,
      ...withRedirect,
      detail: `${statusText(status)}, ${body.bytes.byteLength} bytes`,
    };
  }
}

function tooLarge(limitBytes: number, how: string): FetchResult {
  const suffix = how ? ` (${how})` : '';
  return {
    status: 'too-large',
    limitBytes,
    detail: `response larger than the ${limitBytes}-byte limit${suffix}`,
  };
}
