// Log format per process (issue 12): JSON lines unless stderr is a terminal (or LOG_FORMAT says),
// human lines that are safe to print on a terminal, and no repeat of events a command printed.
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import {
  chooseLogFormat,
  createLogger,
  formatHumanLine,
  loggerForPrintedEvents,
} from '../src/logging.js';

function collector(): { stream: Writable; lines: () => string[] } {
  let text = '';
  const stream = new Writable({
    write(chunk, _encoding, done) {
      text += String(chunk);
      done();
    },
  });
  return { stream, lines: () => text.split('\n').filter((l) => l !== '') };
}

describe('chooseLogFormat', () => {
  it.each([
    ['auto', true, 'human'],
    ['auto', false, 'json'],
    ['auto', undefined, 'json'],
    ['json', true, 'json'],
    ['human', false, 'human'],
  ] as const)('LOG_FORMAT=%s, stderr a terminal: %s -> %s', (setting, isTTY, expected) => {
    expect(chooseLogFormat(setting, { isTTY })).toBe(expected);
  });
});

describe('human log lines', () => {
  it('puts time, level, message and fields on one line', () => {
    const time = new Date(2026, 11, 3, 9, 5, 7).getTime();
    const line = formatHumanLine({
      level: 40,
      time,
      msg: 'poll failed',
      source_id: 'cqc',
      reason: 'HTTP 500 from cqc.org.uk',
      consecutive_failures: 3,
    });
    expect(line).toBe(
      '09:05:07 WARN  poll failed source_id=cqc reason="HTTP 500 from cqc.org.uk" consecutive_failures=3\n',
    );
  });

  it('keeps terminal control characters from feeds out of the terminal', () => {
    const line = formatHumanLine({
      level: 50,
      time: 0,
      msg: 'bad \u001b]0;title\u0007',
      reason: 'x\u009b31m',
      err: { message: 'boom\r\nagain', stack: 'Error: boom\n    at x' },
    });
    // eslint-disable-next-line no-control-regex -- finding control characters is the point
    expect(line).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(line.trimEnd().split('\n')).toHaveLength(1);
    expect(line).toContain('error="boom\\r\\nagain"');
  });

  it('writes human lines, not JSON, through a human logger (secrets still redacted)', () => {
    const out = collector();
    const logger = createLogger('info', out.stream, 'human');
    logger.info({ source_id: 'a', token: 'xoxb-secret' }, 'poll ok');
    expect(out.lines()).toEqual([
      expect.stringMatching(/ INFO {2}poll ok source_id=a token=\[redacted\]$/),
    ]);
  });
});

describe('loggerForPrintedEvents', () => {
  it('on a terminal drops events the command printed, errors included', () => {
    const out = collector();
    const logger = createLogger('info', out.stream, 'human');
    const printed = loggerForPrintedEvents(logger);
    printed.warn({ source_id: 'a' }, 'poll failed');
    printed.error({ source_id: 'a' }, 'poll crashed');
    logger.warn({ source_id: 'b' }, 'scheduled poll failed');
    expect(out.lines()).toEqual([expect.stringContaining('scheduled poll failed source_id=b')]);
  });

  it('keeps everything with LOG_LEVEL=debug, and in JSON logs', () => {
    const human = collector();
    const debug = createLogger('debug', human.stream, 'human');
    loggerForPrintedEvents(debug).warn('poll failed');
    expect(human.lines()).toHaveLength(1);
    const json = collector();
    const machine = createLogger('info', json.stream, 'json');
    expect(loggerForPrintedEvents(machine)).toBe(machine);
    loggerForPrintedEvents(machine).warn({ source_id: 'a' }, 'poll failed');
    expect(JSON.parse(json.lines()[0]!)).toMatchObject({ source_id: 'a', msg: 'poll failed' });
  });
});
