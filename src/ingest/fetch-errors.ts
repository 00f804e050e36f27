// Classifies what went wrong with a fetch into the expected-failure values of fetch-source.ts,
// and parses Retry-After. Node's and undici's errors nest the useful code in `cause` chains.
import { BLOCKED_ADDRESS_CODE } from './address-policy.js';

export type NetworkErrorReason =
  | 'refused'
  | 'reset'
  | 'dns'
  | 'tls'
  | 'bad-encoding'
  | 'redirect-loop'
  | 'too-many-redirects'
  | 'bad-redirect'
  | 'proxy'
  | 'aborted'
  | 'other';

export type FailureClass =
  | { kind: 'blocked'; detail: string }
  | { kind: 'timeout'; phase: 'connect' | 'total'; detail: string }
  | { kind: 'network'; reason: NetworkErrorReason; detail: string };

function errorChain(error: unknown): { code: string; message: string }[] {
  const chain: { code: string; message: string }[] = [];
  let current: unknown = error;
  for (let depth = 0; current && depth < 6; depth++) {
    const e = current as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
    chain.push({
      code: typeof e.code === 'string' ? e.code : '',
      message: typeof e.message === 'string' ? e.message : String(current),
    });
    // AggregateError (happy eyeballs tried several addresses): look at the first.
    current = e.cause ?? (Array.isArray(e.errors) ? e.errors[0] : undefined);
  }
  return chain;
}

export function classifyFetchError(error: unknown, host: string): FailureClass {
  const chain = errorChain(error);
  const codes = chain.map((c) => c.code);
  const has = (...wanted: string[]): boolean => codes.some((c) => wanted.includes(c));
  const last = chain[chain.length - 1]?.message ?? 'unknown error';
  if (has(BLOCKED_ADDRESS_CODE)) {
    const message = chain.find((c) => c.code === BLOCKED_ADDRESS_CODE)!.message;
    return { kind: 'blocked', detail: `blocked: ${message}` };
  }
  if (has('UND_ERR_CONNECT_TIMEOUT', 'ETIMEDOUT')) {
    return { kind: 'timeout', phase: 'connect', detail: `could not connect to ${host} in time` };
  }
  if (has('UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT')) {
    return { kind: 'timeout', phase: 'total', detail: `${host} did not answer in time` };
  }
  if (has('ECONNREFUSED')) {
    return { kind: 'network', reason: 'refused', detail: `connection refused by ${host}` };
  }
  if (has('ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NODATA')) {
    return { kind: 'network', reason: 'dns', detail: `could not resolve ${host} (DNS)` };
  }
  if (has('ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'ECONNABORTED', 'UND_ERR_CLOSED')) {
    return { kind: 'network', reason: 'reset', detail: `connection to ${host} was closed early` };
  }
  if (codes.some((c) => /^(ERR_TLS|ERR_SSL|CERT_|UNABLE_TO|DEPTH_ZERO|SELF_SIGNED)/.test(c))) {
    return { kind: 'network', reason: 'tls', detail: `TLS problem with ${host}: ${last}` };
  }
  if (codes.some((c) => c.startsWith('Z_') || c.startsWith('ERR_ZLIB'))) {
    return { kind: 'network', reason: 'bad-encoding', detail: `corrupt compressed body: ${last}` };
  }
  if (chain.some((c) => /proxy/i.test(c.message))) {
    return { kind: 'network', reason: 'proxy', detail: `proxy failure: ${last}` };
  }
  return { kind: 'network', reason: 'other', detail: `network error: ${last}` };
}

/**
 * Retry-After (RFC 9110 §10.2.3): delay-seconds or an HTTP-date. Returns milliseconds from
 * `now`, or undefined when absent or unparseable. A date in the past means "now" (0).
 */
export function parseRetryAfter(value: string | null | undefined, now: Date): number | undefined {
  if (!value) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  if (!Number.isFinite(at)) return undefined;
  return Math.max(0, at - now.getTime());
}
