// Build-time script (never imported by the running bot): reads the reference data folder and
// prints config/organisations.yaml. Usage:
//   node --import tsx src/build-data/build-gazetteer.ts ../shared/data > config/organisations.yaml
// The folder holds nhs-trusts-etr.csv, ccgs.csv, stps-icbs.csv and vanguards.csv. The bot reads
// only the generated file, never ../shared.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildGazetteer } from './assemble-gazetteer.js';
import { formatGazetteerYaml } from './format-gazetteer.js';

const FILES = {
  trusts: 'nhs-trusts-etr.csv',
  ccgs: 'ccgs.csv',
  stpsIcbs: 'stps-icbs.csv',
  vanguards: 'vanguards.csv',
} as const;

function run(argv: string[]): number {
  const folder = argv[0];
  if (!folder) {
    process.stderr.write(
      'usage: build-gazetteer.ts <reference data folder> > config/organisations.yaml\n',
    );
    return 2;
  }
  const texts: Partial<Record<keyof typeof FILES, string>> = {};
  for (const [key, name] of Object.entries(FILES) as [keyof typeof FILES, string][]) {
    try {
      texts[key] = readFileSync(join(folder, name), 'utf8');
    } catch (error) {
      process.stderr.write(
        `build-gazetteer: cannot read ${join(folder, name)}: ${(error as Error).message}\n`,
      );
      return 1;
    }
  }
  const build = buildGazetteer({ ...texts, trusts: texts.trusts ?? '' });
  process.stdout.write(formatGazetteerYaml(build, 'the reference data folder'));
  process.stderr.write(
    `build-gazetteer: ${build.entries.length} organisations, ${build.dropped.length} shared variants dropped\n`,
  );
  return 0;
}

process.exitCode = run(process.argv.slice(2));
