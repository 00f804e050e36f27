// runCommand never throws: unexpected failures become a generic error (reported to the deps),
// and hostile text through every command, over the real archive, gets a safe answer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMAND_SPECS } from '../../src/commands/command-specs.js';
import { runCommand, runCommandAsync, runCommandText } from '../../src/commands/run-command.js';
import type { CommandDeps, CommandRequest, Invocation } from '../../src/commands/types.js';
import { requestFromOptions } from '../../src/commands/request-from-options.js';
import { createAppFixture, type AppFixture } from '../helpers/app-fixture.js';
import { HOSTILE_STRINGS } from './hostile-strings.js';

let app: AppFixture;
beforeAll(() => {
  app = createAppFixture();
});
afterAll(() => app.close());

const everyRequest: CommandRequest[] = [
  { command: 'subscribe', themes: ['carter'], organisations: [], schedule: null },
  { command: 'unsubscribe' },
  { command: 'subscriptions' },
  {
    command: 'search',
    query: {
      terms: ['nhs'],
      phrases: [],
      excluded: [],
      prefixes: [],
      themes: [],
      sources: [],
      organisations: [],
      since: null,
      until: null,
      limit: 10,
      offset: 0,
    },
  },
  { command: 'digest', week: 'this' },
  { command: 'themes' },
  { command: 'status' },
  { command: 'explain', target: 'fx-model-hospital' },
  { command: 'deadlines', scope: 'all' },
  { command: 'correct', target: 'fx-model-hospital', add: ['procurement'], remove: [], note: null },
  { command: 'corrections' },
  { command: 'email', action: 'list' },
  { command: 'help', topic: null },
];

/** The real deps with every method replaced by one that fails, as a broken disk would. */
function failingDeps(reported: unknown[]): CommandDeps {
  const boom = () => {
    throw new Error('store: disk I/O error (SQLITE_IOERR) at /secret/path/briefing.db');
  };
  return {
    ...app.deps,
    search: boom,
    explain: boom,
    countByThemeInWeek: boom,
    buildDigest: boom,
    currentWeek: boom,
    sourceHealth: boom,
    deliveryHealth: boom,
    resolveOrganisation: boom,
    subscriptions: { get: boom, upsert: boom, remove: boom, list: boom },
    upcomingDeadlines: boom,
    corrections: { find: boom, record: boom, recent: boom },
    reportError: (error) => reported.push(error),
  };
}

describe('runCommand', () => {
  it('covers every command', () => {
    expect(everyRequest.map((r) => r.command)).toEqual(COMMAND_SPECS.map((s) => s.name));
  });

  it.each(everyRequest.map((r) => [r.command, r] as const))(
    '%s: an unexpected failure becomes a generic error and is reported',
    (_name, request) => {
      const reported: unknown[] = [];
      const invocation: Invocation = app.invocation({ isAdmin: true });
      const result = runCommand(request, invocation, failingDeps(reported));
      if (request.command === 'help') {
        expect(result.kind).toBe('help');
        return;
      }
      expect(result).toEqual({
        kind: 'error',
        message: 'something went wrong on our side while running that command',
        hint: expect.any(String),
      });
      expect(JSON.stringify(result)).not.toMatch(/secret|SQLITE/);
      expect(reported).toHaveLength(1);
    },
  );

  it('runCommandAsync: a failing email store becomes the generic error too, and is reported', async () => {
    const reported: unknown[] = [];
    const boom = () => {
      throw new Error('store: disk I/O error (SQLITE_IOERR)');
    };
    const deps: CommandDeps = {
      ...failingDeps(reported),
      email: {
        awaitingReason: 'awaiting',
        dailyLimit: 1,
        ownerOf: boom,
        recordOwner: boom,
        countRequests: boom,
        list: boom,
        requestConfirmation: () => Promise.reject(new Error('smtp down')),
      },
    };
    const result = await runCommandAsync(
      { command: 'email', action: 'list' },
      app.invocation(),
      deps,
    );
    expect(result).toMatchObject({ kind: 'error', message: expect.stringContaining('our side') });
    expect(reported).toHaveLength(1);
  });

  it('a throwing reportError does not escape either', () => {
    const deps: CommandDeps = {
      ...failingDeps([]),
      reportError: () => {
        throw new Error('logger down');
      },
    };
    expect(runCommand({ command: 'themes' }, app.invocation(), deps).kind).toBe('error');
  });

  it('answers a request of an unknown shape (decoded from JSON) with an error', () => {
    const forged = { command: 'drop_tables' } as unknown as CommandRequest;
    expect(runCommand(forged, app.invocation(), app.deps).kind).toBe('error');
  });
});

describe('hostile input end to end', () => {
  it('every command, Slack text and Discord options, over the real archive', () => {
    const before = app.db.prepare('SELECT count(*) AS n FROM stories').get();
    let tried = 0;
    for (const spec of COMMAND_SPECS) {
      for (const hostile of HOSTILE_STRINGS) {
        const invocation = app.invocation({ isAdmin: true, channelId: `C-HOSTILE-${tried}` });
        const fromText = runCommandText(`${spec.name} ${hostile}`, invocation, app.deps);
        expect(fromText.kind).toBeTypeOf('string');
        tried++;
        for (const option of spec.options) {
          const parsed = requestFromOptions(spec.name, { [option.name]: hostile }, app.deps);
          const result = parsed.ok
            ? runCommand(parsed.request, invocation, app.deps)
            : parsed.error;
          expect(result.kind).toBeTypeOf('string');
          tried++;
        }
      }
    }
    expect(tried).toBeGreaterThan(300);
    expect(app.db.prepare('SELECT count(*) AS n FROM stories').get()).toEqual(before);
    expect(app.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});
