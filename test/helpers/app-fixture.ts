// A reusable application fixture for tests: a migrated database (in memory, or a temp file when a
// test needs a second connection) seeded with invented stories through the real store and the
// real annotator (tagging and entity extraction, as polling uses it), the real configuration from
// config/, and the real CommandDeps over both.
// Platform tests use it to drive Slack and Discord handlers end to end:
//   const app = createAppFixture();            // stories of 2017-W05..W07 + a few older ones
//   runCommandText('digest', app.invocation({ platform: 'discord' }), app.deps);
//   app.close();
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildAnnotator } from '../../src/pipeline/build-poll-deps.js';
import {
  buildCommandDeps,
  type CommandDepsInit,
  type SubscribePermission,
} from '../../src/pipeline/command-deps.js';
import type { CommandDeps, Invocation } from '../../src/commands/types.js';
import { loadConfigOrThrow, type AppConfig } from '../../src/config/load.js';
import type { Story } from '../../src/domain.js';
import { openDatabase, type Db } from '../../src/store/database.js';
import type { SaveResult } from '../../src/store/stories.js';
import { FIXTURE_NOW, FIXTURE_STORIES } from './app-fixture-stories.js';
import { tagAndStore } from '../../src/pipeline/tag-and-store.js';

export { FIXTURE_NOW, FIXTURE_STORIES, procurementStories } from './app-fixture-stories.js';

export const CONFIG_DIR = fileURLToPath(new URL('../../config', import.meta.url));

export interface AppFixtureOptions {
  /** 'memory' (default) or 'file' (a temp directory removed by close()). */
  storage?: 'memory' | 'file';
  /** Stories to seed instead of FIXTURE_STORIES ([] for an empty archive). */
  stories?: readonly Story[];
  /** The fixture clock (default FIXTURE_NOW, Thursday of 2017-W07). */
  now?: Date;
  subscribePermission?: SubscribePermission;
  /** EMAIL_CHAT_PERMISSION (default admins, as in production). */
  emailPermission?: 'anyone' | 'admins';
  /** Delivery adapters and digests folder for `subscribe ... now` (absent: it cannot post). */
  delivery?: CommandDepsInit['delivery'];
}

export interface AppFixture {
  db: Db;
  config: AppConfig;
  deps: CommandDeps;
  now: Date;
  /** The database file, or ':memory:'. */
  path: string;
  /** An invocation in Slack workspace T-FIXTURE, channel C-FIXTURE, by a non-admin, at `now`. */
  invocation(overrides?: Partial<Invocation>): Invocation;
  /** Saves and tags more stories through the real store. */
  seed(stories: readonly Story[]): SaveResult;
  close(): void;
}

let cachedConfig: AppConfig | undefined;

/** The real configuration, loaded once per test file. */
export function loadFixtureConfig(): AppConfig {
  cachedConfig ??= loadConfigOrThrow(CONFIG_DIR);
  return cachedConfig;
}

export function createAppFixture(options: AppFixtureOptions = {}): AppFixture {
  const config = loadFixtureConfig();
  const now = options.now ?? FIXTURE_NOW;
  const dir = options.storage === 'file' ? mkdtempSync(join(tmpdir(), 'briefing-fixture-')) : null;
  const path = dir === null ? ':memory:' : join(dir, 'briefing.db');
  const db = openDatabase(path);
  const annotate = buildAnnotator(config);
  const seed = (stories: readonly Story[]) => tagAndStore(db, stories, now, annotate);
  seed(options.stories ?? FIXTURE_STORIES);
  const deps = buildCommandDeps({
    db,
    config,
    now: () => now,
    subscribePermission: options.subscribePermission,
    ...(options.emailPermission ? { emailPermission: options.emailPermission } : {}),
    ...(options.delivery ? { delivery: options.delivery } : {}),
  });
  return {
    db,
    config,
    deps,
    now,
    path,
    invocation: (overrides = {}) => ({
      platform: 'slack',
      workspaceId: 'T-FIXTURE',
      channelId: 'C-FIXTURE',
      userId: 'U-FIXTURE',
      isAdmin: false,
      now,
      ...overrides,
    }),
    seed,
    close: () => {
      db.close();
      if (dir !== null) rmSync(dir, { recursive: true, force: true });
    },
  };
}
