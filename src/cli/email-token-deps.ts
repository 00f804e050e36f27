// The web server's email routes over the store: a signed unsubscribe or confirm token, checked
// by the email platform (apply-token.ts), removes or resumes the address's subscription. Only
// when EMAIL_UNSUBSCRIBE_SECRET is set; otherwise the routes do not exist.
import type { Env } from '../config/env.js';
import { applyEmailToken } from '../platforms/email/apply-token.js';
import type { Db } from '../store/database.js';
import { getSubscription, removeSubscription, resumeSubscription } from '../store/subscriptions.js';
import type { WebDeps } from '../web/web-deps.js';

export function emailTokenDeps(env: Env, db: Db): Pick<WebDeps, 'emailToken'> {
  const secret = env.EMAIL_UNSUBSCRIBE_SECRET;
  if (!secret) return {};
  return {
    emailToken: (action, token) =>
      applyEmailToken(token, action, {
        secret,
        get: (c) => getSubscription(db, c),
        remove: (c) => removeSubscription(db, c),
        resume: (c) => resumeSubscription(db, c, new Date()),
      }),
  };
}
