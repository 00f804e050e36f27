// A chat platform could not be started: the token was refused, the service was unreachable, or
// the connection did not come up in time. Not a bug in the bot, so the CLI reports it as one
// plain line and exits 69 (EX_UNAVAILABLE) instead of "unexpected error" with exit 1; the
// long-running process logs it and carries on polling without that platform.
export class PlatformStartError extends Error {
  override readonly name = 'PlatformStartError';
}
