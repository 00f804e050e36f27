// One fetch, hop by hop: builds the request headers (conditional GET, Accept-Encoding, the
// caller's User-Agent), follows redirects by hand (limit, loop detection, http(s) targets only,
// the same SSRF check for the first URL and every redirect hop) and turns the final response
// into a FetchResult. Network errors throw; fetch-source.ts classifies them and owns timeouts.
import { STATUS_CODES } from 'node:http';
import { request, type Dispatcher } from 'undici';
import { checkHostLiteral, checkNameBeforeProxy } from './address-policy.js';
import { parseRetryAfter } from './fetch-errors.js';
import type { FetchOptions, FetchRequest, FetchResult } from './fetch-types.js';
import { parseContentEncoding, readBodyCapped } from './read-body.js';

export function isHttpScheme(url: URL): boolean {
  return url.protocol === 'http:' || url.protocol === 'https:';
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

const ACCEPT =
  'application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, ' +
  'application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.7, */*;q=0.5';

function statusText(status: number): string {
  return `HTTP ${status} ${STATUS_CODES[status] ?? ''}`.trimEnd();
}

function header(
  headers: Record<string, string | string[] | undefined>,
  name: string,
): string | null {
  const value = headers[name];
  if (value === undefined) return null;
  return Array.isArray(value) ? (value[0] ?? null) : value;
}

/** Where the chain has got to: the URLs seen, and the last permanent target if still permanent. */
interface Chain {
  visited: Set<string>;
  permanentRedirectTo?: string;
  stillPermanent: boolean;
}

export async function followRedirects(
  start: URL,
  req: FetchRequest,
  options: FetchOptions,
  dispatcher: Dispatcher,
  signal: AbortSignal,
  onHop: (host: string) => void,
): Promise<FetchResult> {
  const headers = buildRequestHeaders(req, options);
  const chain: Chain = { visited: new Set([start.href]), stillPermanent: true };
  let current = start;
  for (let hop = 0; ; hop++) {
    onHop(current.host);
    const refusal = await checkHop(current, options);
    if (refusal) return refusal;
    const response = await request(current, {
      method: 'GET',
      headers,
      dispatcher,
      signal,
      headersTimeout: options.timeoutMs,
      bodyTimeout: options.timeoutMs,
    });
    const location = header(response.headers, 'location');
    if (!REDIRECT_STATUSES.has(response.statusCode) || !location) {
      return readFinalResponse(response, current, chain, req, options);
    }
    await response.body.dump();
    if (hop >= options.maxRedirects) {
      return {
        status: 'network-error',
        reason: 'too-many-redirects',
        detail: `more than ${options.maxRedirects} redirects`,
      };
    }
    const next = resolveRedirect(location, current, response.statusCode, chain);
    if (!(next instanceof URL)) return next;
    current = next;
  }
}

function buildRequestHeaders(req: FetchRequest, options: FetchOptions): Record<string, string> {
  const headers: Record<string, string> = {
    'user-agent': options.userAgent,
    accept: ACCEPT,
    'accept-encoding': 'gzip, deflate, br',
  };
  if (req.etag) headers['if-none-match'] = req.etag;
  if (req.lastModified) headers['if-modified-since'] = req.lastModified;
  return headers;
}

/**
 * The SSRF guard for one hop, before any connection: the literal host, and through a proxy
 * (which resolves names itself) the name's answers from the resolver here. Direct connections
 * are also checked at connect time by the guarded lookup in fetch-source.ts.
 */
async function checkHop(url: URL, options: FetchOptions): Promise<FetchResult | null> {
  if (options.allowPrivateAddresses) return null;
  const refusal = checkHostLiteral(url.hostname);
  if (refusal) return { status: 'blocked', detail: `blocked: ${refusal}` };
  if (!options.proxy?.httpProxy && !options.proxy?.httpsProxy) return null;
  const problem = await checkNameBeforeProxy(url.hostname, options.resolve);
  if (problem?.kind === 'blocked') return { status: 'blocked', detail: problem.detail };
  if (problem) return { status: 'network-error', reason: 'dns', detail: problem.detail };
  return null;
}

/** The next URL of the chain, or why the redirect ends the fetch. Records the hop in `chain`. */
function resolveRedirect(
  location: string,
  current: URL,
  status: number,
  chain: Chain,
): URL | FetchResult {
  let next: URL;
  try {
    next = new URL(location, current);
  } catch {
    return {
      status: 'network-error',
      reason: 'bad-redirect',
      detail: `unusable redirect to "${location}"`,
    };
  }
  if (!isHttpScheme(next)) {
    return { status: 'blocked', detail: `blocked: redirect to a ${next.protocol} URL refused` };
  }
  next.hash = '';
  if (chain.visited.has(next.href)) {
    return {
      status: 'network-error',
      reason: 'redirect-loop',
      detail: `redirect loop at ${next.href}`,
    };
  }
  chain.visited.add(next.href);
  if (chain.stillPermanent && (status === 301 || status === 308))
    chain.permanentRedirectTo = next.href;
  else chain.stillPermanent = false;
  return next;
}

type Response = Dispatcher.ResponseData;

/** The last response of the chain (not a redirect) as a FetchResult. */
async function readFinalResponse(
  response: Response,
  current: URL,
  chain: Chain,
  req: FetchRequest,
  options: FetchOptions,
): Promise<FetchResult> {
  const status = response.statusCode;
  const where = {
    finalUrl: current.href,
    ...(chain.permanentRedirectTo ? { permanentRedirectTo: chain.permanentRedirectTo } : {}),
  };
  const etag = header(response.headers, 'etag');
  const lastModified = header(response.headers, 'last-modified');
  if (status === 304) {
    await response.body.dump();
    return {
      status: 'not-modified',
      etag: etag ?? req.etag ?? null,
      lastModified: lastModified ?? req.lastModified ?? null,
      ...where,
      detail: 'not modified since the last poll',
    };
  }
  if (status < 200 || status >= 300) {
    await response.body.dump().catch(() => undefined);
    return { ...describeHttpError(status, response.headers, options), ...where };
  }
  const body = await readBodyWithinLimit(response, options.maxBytes);
  if (body.status === 'too-large') return body;
  return {
    status: 'ok',
    httpStatus: status,
    bytes: body.bytes,
    contentType: header(response.headers, 'content-type'),
    etag,
    lastModified,
    ...where,
    detail: `${statusText(status)}, ${body.bytes.byteLength} bytes`,
  };
}

function describeHttpError(
  status: number,
  headers: Response['headers'],
  options: FetchOptions,
): Omit<Extract<FetchResult, { status: 'http-error' }>, 'finalUrl'> {
  const now = options.now ?? (() => new Date());
  const retryAfterMs =
    status === 429 || status === 503
      ? parseRetryAfter(header(headers, 'retry-after'), now())
      : undefined;
  const gone = status === 410;
  const wait =
    retryAfterMs !== undefined ? ` (retry after ${Math.ceil(retryAfterMs / 1000)} s)` : '';
  const goneNote = gone ? ': the publisher has removed this feed' : '';
  return {
    status: 'http-error',
    httpStatus: status,
    ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
    ...(gone ? { gone } : {}),
    detail: `${statusText(status)}${goneNote}${wait}`,
  };
}

/** The decompressed body, or too-large (declared length or after decompression). */
async function readBodyWithinLimit(
  response: Response,
  maxBytes: number,
): Promise<{ status: 'ok'; bytes: Uint8Array } | Extract<FetchResult, { status: 'too-large' }>> {
  const codings = parseContentEncoding(header(response.headers, 'content-encoding'));
  const declaredLength = Number(header(response.headers, 'content-length') ?? NaN);
  if (codings.length === 0 && Number.isFinite(declaredLength) && declaredLength > maxBytes) {
    response.body.destroy();
    return tooLarge(maxBytes, `declares ${declaredLength} bytes`);
  }
  const body = await readBodyCapped(response.body, codings, maxBytes);
  if (body.status === 'too-large') {
    response.body.destroy();
    return tooLarge(maxBytes, codings.length ? 'after decompression' : '');
  }
  return { status: 'ok', bytes: body.bytes };
}

function tooLarge(limitBytes: number, how: string): Extract<FetchResult, { status: 'too-large' }> {
  const suffix = how ? ` (${how})` : '';
  return {
    status: 'too-large',
    limitBytes,
    detail: `response larger than the ${limitBytes}-byte limit${suffix}`,
  };
}
