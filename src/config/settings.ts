// Editorial and operational defaults from config/settings.yaml: time zone, schedules, limits.
// Strict at every depth: a misspelt key is an error naming the closest valid one, never ignored
// (a typo such as poll.timeoutMS would otherwise leave the default silently in force).
import { z } from 'zod';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM (24-hour)');

export const settingsSchema = z
  .object({
    timeZone: z
      .string()
      .refine((tz) => isValidTimeZone(tz), {
        message: 'unknown IANA time zone (e.g. Europe/London)',
      })
      .default('Europe/London'),
    poll: z
      .object({
        intervalMinutes: z
          .number()
          .int()
          .min(1)
          .max(24 * 60)
          .default(30),
        concurrency: z.number().int().min(1).max(64).default(8),
        perHostConcurrency: z.number().int().min(1).max(16).default(2),
        connectTimeoutMs: z.number().int().min(100).default(10_000),
        timeoutMs: z.number().int().min(100).default(30_000),
        maxBytes: z
          .number()
          .int()
          .min(1024)
          .default(10 * 1024 * 1024),
        maxRedirects: z.number().int().min(0).max(20).default(5),
        /** Cap on the exponential backoff of a failing source. */
        maxBackoffMinutes: z
          .number()
          .int()
          .min(1)
          .default(24 * 60),
        /** Items read from one document; the newest are kept, the rest counted (cap-items.ts). */
        maxItemsPerDocument: z.number().int().min(1).max(100_000).default(2000),
        /** A document whose read (decode, parse, normalise) takes longer fails its source. */
        parseTimeoutMs: z.number().int().min(100).default(10_000),
        /** Heap of each parse worker; a document needing more fails as too large to parse. */
        parseHeapMb: z.number().int().min(16).max(4096).default(96),
        /** Parse worker threads (document-reader.ts). */
        parseWorkers: z.number().int().min(1).max(8).default(1),
        /** Allow sources on private / loopback addresses (off by default: SSRF). */
        allowPrivateAddresses: z.boolean().default(false),
      })
      .strict()
      .prefault({}),
    digest: z
      .object({
        /** 0 = Sunday ... 6 = Saturday, in `timeZone`. */
        day: z.number().int().min(0).max(6).default(1),
        time: hhmm.default('08:00'),
        perThemeCap: z.number().int().min(1).max(50).default(6),
        /** A section with fewer stories than this folds into "Also this week" (1: never). */
        foldBelow: z.number().int().min(1).max(50).default(2),
        /** Words in the main message; the rest goes where the platform puts continuations. */
        mainWords: z.number().int().min(100).max(10_000).default(900),
        /** After downtime, a missed digest is still sent if the bot returns within this many hours. */
        graceHours: z
          .number()
          .min(0)
          .max(24 * 7)
          .default(48),
      })
      .strict()
      .prefault({}),
    alerts: z
      .object({
        /** Alert messages a channel gets at most per local day (src/pipeline/run-alerts.ts). */
        maxPerDay: z.number().int().min(1).max(48).default(3),
        /** A story covered by this many outlets within a day is alert-worthy. */
        minOutlets: z.number().int().min(2).max(20).default(3),
      })
      .strict()
      .prefault({}),
    retention: z
      .object({
        /**
         * Months of full article text to keep; older stories keep headline, summary, tags and
         * links. null (the default) keeps everything.
         */
        contentMonths: z.number().int().min(1).max(1200).nullable().default(null),
      })
      .strict()
      .prefault({}),
  })
  .strict();

export type Settings = Readonly<z.infer<typeof settingsSchema>>;

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone });
    return true;
  } catch {
    return false;
  }
}
