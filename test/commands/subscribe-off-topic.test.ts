// `subscribe ... offtopic:on` lets a channel following everything see stories the tagger vetoed as
// off-topic; the choice is stored and kept until changed (a real database under the fixture).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCommandText } from '../../src/commands/run-command.js';
import { getSubscription } from '../../src/store/subscriptions.js';
import { createAppFixture, type AppFixture } from '../helpers/app-fixture.js';

let app: AppFixture;
beforeEach(() => {
  app = createAppFixture();
});
afterEach(() => app.close());

const stored = () => {
  const i = app.invocation();
  return getSubscription(app.db, {
    platform: i.platform,
    workspaceId: i.workspaceId,
    channelId: i.channelId,
  });
};

describe('subscribe offtopic:', () => {
  it('is off by default, stored when asked, kept when not given, and turned off again', () => {
    expect(runCommandText('subscribe all', app.invocation(), app.deps).kind).toBe('subscribed');
    expect(stored()?.includeOffTopic).toBeUndefined();
    runCommandText('subscribe all offtopic:on', app.invocation(), app.deps);
    expect(stored()?.includeOffTopic).toBe(true);
    runCommandText('subscribe all', app.invocation(), app.deps);
    expect(stored()?.includeOffTopic).toBe(true);
    runCommandText('subscribe all offtopic:off', app.invocation(), app.deps);
    expect(stored()?.includeOffTopic).toBeUndefined();
  });

  it('says what it takes when the value is wrong', () => {
    expect(runCommandText('subscribe all offtopic:maybe', app.invocation(), app.deps)).toEqual({
      kind: 'error',
      message: "offtopic: takes on or off, not 'maybe'",
      hint: expect.stringMatching(/offtopic:on/),
    });
  });
});
