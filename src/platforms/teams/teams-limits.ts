// Teams' documented limits for bots, in one place
// (https://learn.microsoft.com/microsoftteams/platform/bots/how-to/rate-limit): per bot per
// conversation 7 messages a second, 8 per 2 s, 60 per 30 s, 1,800 an hour; 50 requests a second
// per app per tenant. At least 500 ms between two posts to one conversation (2 a second) keeps
// inside the first three; 20 a second in all stays well under the per-tenant limit.
import type { PaceLimits } from '../../delivery/pace.js';

export const TEAMS_PACE: PaceLimits = { perChannelIntervalMs: 500, globalPerSecond: 20 };
