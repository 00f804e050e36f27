// The Source every generated bench document is polled or read as (parse, poll, item-bomb).
import type { Source } from '../../src/domain.js';

export function benchSource(index: number, url: string): Source {
  return {
    id: `bench-${index}`,
    name: `Bench source ${index}`,
    kind: 'feed',
    url,
    pollIntervalMinutes: 60,
    paywalled: false,
    authority: 0.5,
    enabled: true,
    verified: true,
  };
}
