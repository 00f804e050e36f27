// Structured logs for operators (pino): stable snake_case keys such as source_id, story_id,
// iso_week, platform, channel. Logs go to stderr so command output on stdout stays clean.
import { pino, type Logger } from 'pino';

export type { Logger };

export function createLogger(
  level: string,
  destination: NodeJS.WritableStream = process.stderr,
): Logger {
  return pino(
    {
      level,
      base: undefined,
      // Defence in depth: even if a token ends up in a logged object, it is not printed.
      redact: {
        paths: ['token', '*.token', 'authorization', '*.authorization', 'headers.authorization'],
        censor: '[redacted]',
      },
    },
    destination,
  );
}

export const silentLogger: Logger = pino({ level: 'silent' });
