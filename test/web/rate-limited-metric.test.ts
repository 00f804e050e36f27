// A 429 from a platform is counted by platform on /metrics: delivery through the real outbox
// with the in-memory platform answering "rate limited" once, and the Slack and Discord error
// classifiers marking their 429s.
import { describe, expect, it } from 'vitest';
import { enqueueDigest } from '../../src/delivery/enqueue-digest.js';
import { MemoryAdapter } from '../../src/delivery/memory-adapter.js';
import { createBotMetrics } from '../../src/metrics/bot-metrics.js';
import { classifySlackError } from '../../src/platforms/slack/classify-slack-error.js';
import { openDatabase } from '../../src/store/database.js';
import { sampleDigest, subscribe, tick } from '../delivery/delivery-fixtures.js';

const T0 = new Date('2017-02-20T08:00:00Z');

describe('rate limits on /metrics', () => {
  it('counts a 429 by platform and still delivers after the retry', async () => {
    const db = openDatabase(':memory:');
    const adapter = new MemoryAdapter().failNext({
      kind: 'retry',
      reason: '429',
      retryAfterMs: 1000,
      rateLimited: true,
    });
    enqueueDigest(db, {
      digest: sampleDigest(),
      subscription: subscribe(db, T0),
      adapter,
      now: T0,
    });
    const metrics = createBotMetrics(() => ({ stories: 0, tagsByTheme: [], outbox: [] }));
    const adapters = new Map([['memory' as const, adapter]]);
    await tick(db, adapters, T0, { metrics });
    await tick(db, adapters, new Date(T0.getTime() + 60_000), { metrics });
    const text = await metrics.registry.metrics();
    expect(text).toContain('briefing_rate_limited_total{platform="memory"} 1');
    db.close();
  });

  it('Slack 429s are marked rate limited; other retries are not', () => {
    expect(
      classifySlackError({ code: 'slack_webapi_rate_limited_error', retryAfter: 3 }),
    ).toMatchObject({
      status: 'retry',
      rateLimited: true,
    });
    const http503 = classifySlackError({
      code: 'slack_webapi_http_error',
      statusCode: 503,
      headers: {},
    });
    expect(http503).toMatchObject({ status: 'retry' });
    expect(http503).not.toHaveProperty('rateLimited');
  });
});
