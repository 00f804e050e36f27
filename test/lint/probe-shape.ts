// The shape of the import-rule probes (test/lint/import-rules.test.ts): small files under a
// throw-away src/ tree whose only content is imports, written from a table.

/** One import in a probe: a path relative to the probe file or a package name. */
export type ProbeImport = { readonly spec: string; readonly kind: 'value' | 'type' };

export type Probe = {
  /** Path of the probe file, relative to the probe tree's root (always under src/). */
  readonly file: string;
  readonly imports: readonly ProbeImport[];
  /** The rule that must report this file; absent for a clean probe. */
  readonly rule?: string;
};

export const value = (spec: string): ProbeImport => ({ spec, kind: 'value' });
export const type = (spec: string): ProbeImport => ({ spec, kind: 'type' });

/** Files the probes import; each exports a value and a type and imports nothing. */
export const PROBE_TARGETS: readonly string[] = [
  'src/domain.ts',
  'src/text/clean.ts',
  'src/time/week.ts',
  'src/config/settings.ts',
  'src/tagging/tag.ts',
  'src/digest/build.ts',
  'src/commands/types.ts',
  'src/ingest/fetch.ts',
  'src/store/database.ts',
  'src/delivery/adapter.ts',
  'src/delivery/pace.ts',
  'src/delivery/process-outbox.ts',
  'src/platforms/slack/start.ts',
  'src/platforms/discord/start.ts',
  'src/platforms/start-error.ts',
  'src/pipeline/poll.ts',
  'src/jobs/scheduler.ts',
  'src/build-data/gazetteer.ts',
  'src/for-each-bounded.ts',
  'src/helpers/no-row.ts',
  'test/fakes/server.ts',
];

/** The text of a probe file: each import is used, so no tool can call it dead. */
export function renderProbe(probe: Pick<Probe, 'imports'>): string {
  const lines = probe.imports.map((imp, i) =>
    imp.kind === 'type'
      ? `import type * as m${i} from '${imp.spec}';\nexport type Use${i} = typeof m${i};`
      : `import * as m${i} from '${imp.spec}';\nexport const use${i} = m${i};`,
  );
  return `${lines.join('\n')}\nexport const value = 1;\nexport type Value = number;\n`;
}
