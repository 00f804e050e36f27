// Build-time script (never imported by the running bot): reads the ODS trust register and prints
// config/organisations.yaml. Usage:
//   node --import tsx src/build-data/build-gazetteer.ts ../shared/data/nhs-trusts-etr.csv > config/organisations.yaml
// The bot reads only the generated file, never ../shared.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { buildGazetteer, formatGazetteerYaml } from './gazetteer-from-register.js';

function run(argv: string[]): number {
  const file = argv[0];
  if (!file) {
    process.stderr.write(
      'usage: build-gazetteer.ts <nhs-trusts-etr.csv> > config/organisations.yaml\n',
    );
    return 2;
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    process.stderr.write(`build-gazetteer: cannot read ${file}: ${(error as Error).message}\n`);
    return 1;
  }
  const build = buildGazetteer(text);
  process.stdout.write(formatGazetteerYaml(build, basename(file)));
  process.stderr.write(
    `build-gazetteer: ${build.entries.length} organisations, ${build.dropped.length} shared variants dropped\n`,
  );
  return 0;
}

process.exitCode = run(process.argv.slice(2));
