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
// - SSRF guard (address-policy.ts) unless allowPrivateAddresses, on every hop: literal hosts
//   before connecting, DNS answers inside the socket's lookup, and, when a proxy is configured
//   (it resolves names itself), the name resolved here first (follow-redirects.ts).
import { Agent, EnvHttpProxyAgent, type Dispatcher } from 'undici';
import { createGuardedLookup } from './address-policy.js';
import { classifyFetchError } from './fetch-errors.js';
import { followRedirects, isHttpScheme } from './follow-redirects.js';
import type { FetchOptions, FetchRequest, FetchResult } from './fetch-types.js';
import { UnsupportedEncodingError } from './read-body.js';

export type { NetworkErrorReason } from './fetch-errors.js';

export type { FetchOptions, FetchRequest, FetchResult, ProxySettings } from './fetch-types.js';

/** Builds the User-Agent the bot sends, with the operator's contact URL (RFC 9110 §10.1.5). */
export function buildUserAgent(version: string, contactUrl: string): string {
  return `nhs-briefing-bot/${version} (+${contactUrl})`;
}

function createDispatcher(options: FetchOptions): Dispatcher {
  const connect = {
    timeout: options.connectTimeoutMs,
    ...(options.allowPrivateAddresses ? {} : { lookup: createGuardedLookup(options.resolve) }),
  };
  const { httpProxy, httpsProxy, noProxy } = options.proxy ?? {};
  if (httpProxy || httpsProxy) {
    // Empty strings (not undefined) so undici does not fall back to process.env. `connect` (and
    // so the guarded lookup) serves NO_PROXY hosts only: undici connects to the proxy itself
    // with `proxyTls`, so an operator's proxy on a private address is reachable.
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
      return {
        status: 'timeout',
        phase: 'total',
        detail: `no complete answer within ${options.timeoutMs} ms`,
      };
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
