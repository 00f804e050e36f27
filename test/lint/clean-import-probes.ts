// Probe files that use every allowance of the import-rule table: none may be reported.
import { type Probe, type, value } from './probe-shape.js';

/** Use every allowance of the table; none may be reported. */
export const CLEAN_PROBES: readonly Probe[] = [
  { file: 'src/text/ok.ts', imports: [type('../domain.js')] },
  // The type files under src/domain/ are domain: they and domain.ts may import each other.
  { file: 'src/domain/ok.ts', imports: [type('../domain.js')] },
  { file: 'src/time/ok.ts', imports: [value('../text/clean.js'), type('../domain.js')] },
  {
    file: 'src/config/ok.ts',
    imports: [value('../time/week.js'), value('node:fs'), value('yaml'), value('zod')],
  },
  {
    file: 'src/tagging/ok.ts',
    imports: [
      type('../config/settings.js'),
      value('../text/clean.js'),
      value('../time/week.js'),
      value('../digest/build.js'),
    ],
  },
  {
    file: 'src/commands/ok.ts',
    imports: [value('../digest/build.js'), value('../tagging/tag.js'), value('node:crypto')],
  },
  {
    file: 'src/digest/archive-ok.ts',
    imports: [value('node:fs'), value('node:path'), value('./build.js')],
  },
  {
    file: 'src/ingest/ok.ts',
    imports: [
      value('undici'),
      value('node:http'),
      value('../logging.js'),
      value('../for-each-bounded.js'),
      type('../config/settings.js'),
    ],
  },
  {
    file: 'src/store/ok.ts',
    imports: [value('better-sqlite3'), value('../time/week.js'), value('../text/clean.js')],
  },
  {
    file: 'src/delivery/ok.ts',
    imports: [
      value('../store/database.js'),
      value('../digest/build.js'),
      type('../commands/types.js'),
      value('../logging.js'),
    ],
  },
  {
    file: 'src/platforms/slack/ok.ts',
    imports: [
      value('@slack/bolt'),
      value('../../delivery/pace.js'),
      type('../../delivery/adapter.js'),
      value('../../commands/types.js'),
      value('../../digest/build.js'),
      value('../start-error.js'),
      type('../../config/settings.js'),
      value('./start.js'),
    ],
  },
  {
    file: 'src/platforms/discord/ok.ts',
    imports: [value('discord.js'), value('../start-error.js')],
  },
  {
    file: 'src/platforms/teams/ok.ts',
    imports: [value('@microsoft/agents-hosting'), value('@azure/msal-node')],
  },
  {
    file: 'src/platforms/registry-ok.ts',
    imports: [value('./slack/start.js'), value('./discord/start.js')],
  },
  {
    file: 'src/pipeline/ok.ts',
    imports: [
      value('../ingest/fetch.js'),
      value('../tagging/tag.js'),
      value('../store/database.js'),
      value('../delivery/process-outbox.js'),
      value('../platforms/registry-ok.js'),
      type('better-sqlite3'),
    ],
  },
  {
    file: 'src/jobs/ok.ts',
    imports: [value('node-cron'), value('../pipeline/poll.js'), value('../time/week.js')],
  },
  {
    file: 'src/cli/ok.ts',
    imports: [
      value('../store/database.js'),
      value('../platforms/slack/start.js'),
      type('discord.js'),
      value('node:fs'),
    ],
  },
  {
    file: 'src/web/ok.ts',
    imports: [
      value('fastify'),
      value('../commands/types.js'),
      value('../digest/build.js'),
      type('../config/settings.js'),
    ],
  },
  {
    file: 'src/metrics/ok.ts',
    imports: [
      value('prom-client'),
      type('../pipeline/poll.js'),
      type('../delivery/adapter.js'),
      type('../domain.js'),
    ],
  },
  {
    file: 'src/build-data/ok.ts',
    imports: [value('node:fs'), value('../tagging/tag.js'), value('./gazetteer.js')],
  },
];
