// Composition helper: turns config + env into what the poll orchestrator needs (fetch options,
// a tagger compiled once, the clock, the parse worker pool). Used by the CLI, the long-running
// process and the demo. The pool's idle workers do not keep a one-shot command alive; the bot
// closes it on SIGTERM (`deps.reader.close()`).
import type { AppConfig } from '../config/load.js';
import type { Env } from '../config/env.js';
import type { Entities, Story } from '../domain.js';
import { createWorkerDocumentReader } from '../ingest/document-reader.js';
import { buildUserAgent, type FetchOptions } from '../ingest/fetch-source.js';
import { createFetchLimiter } from '../ingest/limiter.js';
import type { PollDeps } from './poll-source.js';
import type { Annotate } from './tag-and-store.js';
import type { Logger } from '../logging.js';
import type { Db } from '../store/database.js';
import { compileThemes } from '../tagging/compile-themes.js';
import { annotateStory } from '../tagging/annotate-story.js';
import { findDeadlines } from '../tagging/find-deadlines.js';
import type { DeadlineScreen } from '../tagging/deadline-screen.js';
import { compileGazetteer } from '../tagging/organisations.js';

export const BOT_VERSION = '0.1.0';

export function buildFetchOptions(
  env: Env,
  config: AppConfig,
  overrides: Partial<FetchOptions> = {},
): FetchOptions {
  const poll = config.settings.poll;
  return {
    userAgent: buildUserAgent(BOT_VERSION, env.BRIEFING_CONTACT_URL),
    connectTimeoutMs: poll.connectTimeoutMs,
    timeoutMs: poll.timeoutMs,
    maxBytes: poll.maxBytes,
    maxRedirects: poll.maxRedirects,
    proxy: { httpsProxy: env.HTTPS_PROXY, httpProxy: env.HTTP_PROXY, noProxy: env.NO_PROXY },
    allowPrivateAddresses: poll.allowPrivateAddresses,
    limiter: createFetchLimiter({
      concurrency: poll.concurrency,
      perHost: poll.perHostConcurrency,
    }),
    ...overrides,
  };
}

/**
 * Compiles themes and the organisation gazetteer once; the returned function is pure. It also
 * reads closing dates (in the configured zone), stored with the tags, so a re-tag redoes them.
 */
export function buildAnnotator(config: AppConfig): Annotate {
  const compiled = compileThemes(config.themes);
  const gazetteer = compileGazetteer(config.organisations);
  const rulesVersion = config.themes.rulesVersion;
  const timeZone = config.settings.timeZone;
  // Filled by each story's scan and read at once by findDeadlines (one object, reused).
  const screen: DeadlineScreen = {
    mayHoldTrigger: [true, true, true],
    mayHoldDuration: [true, true, true],
  };
  return (story: Story) => {
    const { tags, entities, vetoed } = annotateStory(
      story,
      compiled,
      gazetteer,
      'tags-only',
      screen,
    );
    return {
      tags,
      // Spelt out, not spread (`{ ...entities, deadlines }`): 2-4% of the whole step, side by
      // side (issue 18, tag3). `satisfies Required<...>` makes a field added to Entities (module
      // augmentation, as src/domain/deadlines.ts adds `deadlines`) a type error here, not a loss.
      entities: {
        organisations: entities.organisations,
        money: entities.money,
        deadlines: findDeadlines(story, timeZone, screen),
      } satisfies Required<Entities>,
      rulesVersion,
      // Recorded so the weekly digest need not re-tag the week to find them (issue 18).
      offTopic: tags.length === 0 && vetoed === true,
    };
  };
}

export function buildPollDeps(init: {
  db: Db;
  env: Env;
  config: AppConfig;
  logger: Logger;
  now?: () => Date;
  fetchOverrides?: Partial<FetchOptions>;
}): PollDeps {
  const poll = init.config.settings.poll;
  return {
    db: init.db,
    fetchOptions: buildFetchOptions(init.env, init.config, init.fetchOverrides),
    annotate: buildAnnotator(init.config),
    now: init.now ?? (() => new Date()),
    maxBackoffMinutes: init.config.settings.poll.maxBackoffMinutes,
    logger: init.logger,
    reader: createWorkerDocumentReader({
      workers: poll.parseWorkers,
      timeoutMs: poll.parseTimeoutMs,
      heapMb: poll.parseHeapMb,
    }),
    maxItemsPerDocument: poll.maxItemsPerDocument,
  };
}
