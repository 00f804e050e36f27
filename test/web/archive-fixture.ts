// A web archive over real parts: the app fixture's stories (ids in the real "g_" + hex shape,
// so short references resolve) tagged and stored through the real pipeline, a hostile story, two
// weeks' digests built by the weekly job's builder and archived to a temp digests/ folder, a
// reader's correction, a failing source, and the server built with the real composition
// (cli/web-archive-deps.ts). Tests drive it with Fastify's inject.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildArchiveDeps } from '../../src/cli/web-archive-deps.js';
import { loadEnv } from '../../src/config/env.js';
import { archiveDigest } from '../../src/digest/archive-digest.js';
import type { Story } from '../../src/domain.js';
import { silentLogger } from '../../src/logging.js';
import { recordPollFailure } from '../../src/store/source-state.js';
import { storyRef } from '../../src/text/story-ref.js';
import { buildWebServer } from '../../src/web/server.js';
import type { WebAccess } from '../../src/web/web-deps.js';
import { createAppFixture, FIXTURE_STORIES, type AppFixture } from '../helpers/app-fixture.js';

/** A story id in the shape ingest gives ("g_" + 20 hex), stable for a fixture name. */
export function realId(name: string): string {
  return `g_${createHash('sha1').update(name).digest('hex').slice(0, 20)}`;
}

export const HOSTILE_TITLE =
  '<script>alert(1)</script> "onmouseover=alert(2) Carter review <b>bold</b>';

export const HOSTILE: Story = {
  id: realId('hostile'),
  sourceId: 'hsj',
  guid: 'hostile',
  url: 'javascript:alert(3)',
  title: HOSTILE_TITLE,
  summary:
    'Lord Carter productivity review: <img src=x onerror=alert(4)> trusts told to save £5bn.',
  content: '',
  author: null,
  categories: [],
  publishedAt: '2017-02-14T09:00:00.000Z',
  publishedEstimated: false,
  paywalled: false,
};

/** Another outlet's copy of the fixture's Model Hospital story: the digest clusters the two. */
export const COPY: Story = {
  ...HOSTILE,
  id: realId('copy'),
  guid: 'copy',
  sourceId: 'guardian-nhs',
  url: 'https://www.theguardian.com/fixture/model-hospital-variation',
  title: 'Model Hospital figures show trusts still have £5bn of unwarranted variation',
  summary: 'NHS Improvement says the Model Hospital dashboard is helping trusts find savings.',
  publishedAt: '2017-02-14T12:00:00.000Z',
};

/** A consultation closing after the week: the week's "Closing soon" lists it. */
export const CONSULTATION: Story = {
  ...HOSTILE,
  id: realId('consultation'),
  guid: 'consultation',
  sourceId: 'dhsc',
  url: 'https://www.gov.uk/government/consultations/fixture-procurement-rules',
  title: 'Consultation on new NHS procurement rules',
  summary:
    'The Department of Health has opened a consultation on procurement rules for trusts. The consultation closes on 3 March 2017.',
  publishedAt: '2017-02-15T10:00:00.000Z',
};

export interface ArchiveFixture {
  app: AppFixture;
  server: FastifyInstance;
  digestsDir: string;
  /** The short reference of a fixture story by its fixture name ("fx-model-hospital"). */
  ref(name: string): string;
  close(): Promise<void>;
}

export async function createArchiveFixture(
  access: WebAccess = { token: null },
  env: Record<string, string> = {},
): Promise<ArchiveFixture> {
  const stories = [
    ...FIXTURE_STORIES.map((s) => ({ ...s, id: realId(s.id), guid: realId(s.id) })),
    HOSTILE,
    COPY,
    CONSULTATION,
  ];
  const app = createAppFixture({ stories });
  const digestsDir = mkdtempSync(join(tmpdir(), 'briefing-web-'));
  for (const week of ['2017-W06', '2017-W07']) {
    archiveDigest(app.deps.buildDigest(week, app.now), digestsDir);
  }
  app.deps.corrections.record(
    {
      platform: 'slack',
      workspaceId: 'T-FIXTURE',
      storyId: realId('fx-model-hospital'),
      added: ['procurement'],
      removed: [],
      userId: 'U-READER',
      channelId: 'C-FIXTURE',
      note: 'about buying',
    },
    app.now,
  );
  recordPollFailure(app.db, 'hsj', {
    reason: 'HTTP 503 <Service Unavailable>',
    at: new Date('2017-02-16T11:00:00Z'),
    nextPollAt: new Date('2017-02-16T11:30:00Z'),
  });
  const loaded = loadEnv({ DIGESTS_DIR: digestsDir, ...env });
  if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
  const archive = buildArchiveDeps({
    env: loaded.env,
    config: app.config,
    db: app.db,
    logger: silentLogger,
    now: () => app.now,
  });
  const server = buildWebServer(
    {
      readiness: () => [],
      metrics: async () => ({ contentType: 'text/plain', body: '' }),
      archive,
    },
    access,
  );
  await server.ready();
  return {
    app,
    server,
    digestsDir,
    ref: (name) => storyRef(realId(name)),
    close: async () => {
      await server.close();
      app.close();
      rmSync(digestsDir, { recursive: true, force: true });
    },
  };
}
