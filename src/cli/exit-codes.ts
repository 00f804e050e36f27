// Exit codes of `briefing` commands, in one place for scripts and service managers to rely on.
// Beyond 0/1/2 they follow BSD sysexits.h (EX_UNAVAILABLE 69, EX_TEMPFAIL 75, EX_CONFIG 78),
// which systemd and cron wrappers already know how to read.
export const EXIT_OK = 0;
/** An expected failure the command explained on stderr (e.g. parse: not a feed). */
export const EXIT_FAILED = 1;
/** Unknown command or option, missing or malformed argument. */
export const EXIT_USAGE = 2;
/** Slack or Discord refused the token or could not be reached. */
export const EXIT_PLATFORM_UNAVAILABLE = 69;
/** poll / run --once: every source polled failed (network, proxy or DNS likely down); retry later. */
export const EXIT_ALL_SOURCES_FAILED = 75;
/** Invalid configuration (env or config/*.yaml); every problem is listed on stderr. */
export const EXIT_CONFIG = 78;
