// What delivery reports to the metrics endpoint (implemented in src/metrics/). Types only.
import type { ChannelPlatform } from '../domain.js';

export interface DeliveryMetrics {
  /** A platform answered 429 (SendOutcome `rateLimited`). */
  observeRateLimited(platform: ChannelPlatform): void;
}
