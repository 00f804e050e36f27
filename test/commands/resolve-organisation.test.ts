// Organisation names as users type them, resolved against the real gazetteer
// (config/organisations.yaml) and, failing that, the spellings seen in the archive.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createOrganisationResolver,
  organisationKey,
  type OrganisationResolver,
} from '../../src/commands/resolve-organisation.js';
import { loadFixtureConfig } from '../helpers/app-fixture.js';

let resolver: OrganisationResolver;
beforeAll(() => {
  resolver = createOrganisationResolver(loadFixtureConfig().organisations, (text) =>
    text === 'Dudley hospitals' ? ['RNA'] : [],
  );
});

describe('organisation resolution', () => {
  it.each([
    ['RNA', ['RNA']],
    ['rna', ['RNA']],
    ['Dudley Group', ['RNA']],
    ['the dudley group nhs foundation trust', ['RNA']],
    ['Dudley Group FT', ['RNA']],
    ['  Dudley   Group  ', ['RNA']],
    ['CQC', ['cqc']],
    ['cqc', ['cqc']],
    ['Care Quality Commission', ['cqc']],
    ['Dudley hospitals', ['RNA']],
    ['Trust of Nowhere', []],
    ['', []],
    ['"; DROP TABLE x', []],
    ['NHS', []],
  ])('%j -> %j', (text, ids) => {
    expect(resolver.resolve(text)).toEqual(ids);
  });

  it('a word inside several names returns each, open organisations only', () => {
    const ids = resolver.resolve('Birmingham');
    expect(ids).toEqual(expect.arrayContaining(['RXT', 'RYW', 'RQ3', 'RRK']));
    // Dudley Integrated Health and Care NHS Trust (RYK) closed in 2024: the open trust wins.
    expect(resolver.resolve('Dudley')).toEqual(['RNA']);
  });

  it('names ids for messages', () => {
    expect(resolver.nameOf('RNA')).toBe('The Dudley Group NHS Foundation Trust');
    expect(resolver.nameOf('nope')).toBeNull();
  });

  it('normalises keys', () => {
    expect(organisationKey('The Guy’s & St Thomas’ NHS FT')).toBe('guy s and st thomas nhs ft');
  });
});
