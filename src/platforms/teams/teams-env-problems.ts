// What the Teams bot needs from the env, checked without loading the SDK: `run` refuses to start
// on a missing or half-set variable (exit 78) and `briefing doctor` reports it, naming every
// missing variable at once rather than the first.
import type { Env } from '../../config/env.js';

export type TeamsIdentityEnv = Pick<
  Env,
  | 'TEAMS_APP_ID'
  | 'TEAMS_APP_PASSWORD'
  | 'TEAMS_CERT_FILE'
  | 'TEAMS_CERT_KEY_FILE'
  | 'TEAMS_TENANT_ID'
>;

/** One line per problem, each starting "teams:"; empty when the bot can start. */
export function teamsConfigProblems(env: TeamsIdentityEnv): string[] {
  const missing: string[] = (['TEAMS_APP_ID', 'TEAMS_TENANT_ID'] as const).filter(
    (k) => env[k] === undefined,
  );
  const certFile = env.TEAMS_CERT_FILE;
  const keyFile = env.TEAMS_CERT_KEY_FILE;
  if (certFile !== undefined || keyFile !== undefined) {
    if (certFile === undefined) missing.push('TEAMS_CERT_FILE');
    if (keyFile === undefined) missing.push('TEAMS_CERT_KEY_FILE');
  } else if (env.TEAMS_APP_PASSWORD === undefined) {
    missing.push('TEAMS_APP_PASSWORD (or TEAMS_CERT_FILE and TEAMS_CERT_KEY_FILE)');
  }
  return missing.length > 0 ? [`teams: set ${missing.join(', ')}`] : [];
}
