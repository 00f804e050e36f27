// `briefing doctor`'s checks across the network: each enabled source fetched once (the same
// fetch the poller does, without touching the archive), and each configured chat platform's
// token and subscribed channels through the platform's own check (plugin `checkAccess`).
import type { Env } from '../config/env.js';
import type { Source } from '../domain.js';
import { forEachBounded } from '../for-each-bounded.js';
import { fetchSource } from '../ingest/fetch-source.js';
import type { FetchOptions } from '../ingest/fetch-types.js';
import type { Logger } from '../logging.js';
import { configuredPlatforms } from '../platforms/index.js';
import type { PlatformStores } from '../platforms/installations.js';
import type { AccessCheck, PlatformPlugin } from '../platforms/plugin.js';

export async function checkSources(
  sources: readonly Source[],
  options: FetchOptions,
): Promise<AccessCheck[]> {
  const checks = new Map<string, AccessCheck>();
  await forEachBounded(sources, 8, async (source) => {
    const name = `source ${source.id}`;
    const result = await fetchSource({ url: source.url }, options);
    if (result.status === 'ok' || result.status === 'not-modified') {
      checks.set(source.id, { name, status: 'ok', detail: `reachable (${source.url})` });
      return;
    }
    const fix =
      result.status === 'http-error'
        ? 'the address may have moved: check it in a browser, then update config/sources.yaml or disable it'
        : 'check the network, DNS and HTTPS_PROXY (`briefing sources` shows the proxy in use)';
    checks.set(source.id, { name, status: 'fail', detail: result.detail, fix });
  });
  return sources.map((s) => checks.get(s.id)!);
}

export async function checkPlatforms(
  env: Env,
  channelsByPlatform: ReadonlyMap<string, string[]>,
  logger: Logger,
  platforms: readonly PlatformPlugin[] = configuredPlatforms(env),
  /** Slack's OAuth installations (doctor checks each workspace's token). */
  stores: PlatformStores = {},
): Promise<AccessCheck[]> {
  if (platforms.length === 0) {
    return [
      {
        name: 'chat platforms',
        status: 'ok',
        detail: 'none configured (digests are archived only)',
      },
    ];
  }
  const checks: AccessCheck[] = [];
  for (const plugin of platforms) {
    const runtime = await plugin.load();
    if (!runtime.checkAccess) {
      checks.push({
        name: plugin.label,
        status: 'warn',
        detail: 'this platform has no access check yet',
      });
      continue;
    }
    checks.push(
      ...(await runtime.checkAccess(env, channelsByPlatform.get(plugin.id) ?? [], logger, stores)),
    );
  }
  return checks;
}
