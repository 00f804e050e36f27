// The fetch step's request, options and result types, apart from the code so that
// follow-redirects.ts and fetch-source.ts (which calls it) both read them without a cycle.
import type { ResolveAll } from './address-policy.js';
import type { NetworkErrorReason } from './fetch-errors.js';
import type { FetchLimiter } from './limiter.js';

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
  /** Stand-in for the system resolver the SSRF guard asks (tests); node:dns lookup otherwise. */
  resolve?: ResolveAll;
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
