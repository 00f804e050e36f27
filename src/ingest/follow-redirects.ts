// One fetch, hop by hop: builds the request headers (conditional GET, Accept-Encoding, the
// caller's User-Agent), follows redirects by hand (limit, loop detection, http(s) targets only,
// SSRF check of every hop) and turns the final response into a FetchResult. Network errors
// throw; fetch-source.ts classifies them and owns the timeouts.
import { STATUS_CODES } from 'node:http';
import { request, type Dispatcher } from 'undici';
import { checkHostLiteral } from './address-policy.js';
import { parseRetryAfter } from './fetch-errors.js';
import type { FetchOptions, FetchRequest, FetchResult } from './fetch-source.js';
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

export async function followRedirects(
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
      if (visited.has(next.href)) {
        return {
          status: 'network-error',
          reason: 'redirect-loop',
          detail: `redirect loop at ${next.href}`,
        };
      }
      visited.add(next.href);
      if (chainStillPermanent && (status === 301 || status === 308))
        permanentRedirectTo = next.href;
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
      const wait =
        retryAfterMs !== undefined ? ` (retry after ${Math.ceil(retryAfterMs / 1000)} s)` : '';
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
    if (
      codings.length === 0 &&
      Number.isFinite(declaredLength) &&
      declaredLength > options.maxBytes
    ) {
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
