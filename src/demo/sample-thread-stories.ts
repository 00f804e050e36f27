// Sample stories for `briefing demo` that make one thread across the demo's four weeks, so the
// demo digest has a lead (three outlets on one item) and a "Previously" (written for this
// project; invented but plausible). The Dudley Group merger: first reported in W44, followed in
// W45 (dudley-merger-talks in sample-stories.ts) and W46, approved in W47.
import type { SampleStory } from './sample-stories.js';

export const THREAD_STORIES: SampleStory[] = [
  // W46, and approved in W47, when three outlets carry it.
  {
    source: 'trade',
    date: '2021-11-03T07:45',
    slug: 'dudley-merger-board-papers',
    title: 'Dudley Group FT board papers reveal merger talks with community provider',
    summary:
      'Board papers show Dudley Group FT has opened talks on a merger with a neighbouring community provider. Staff representatives have asked to be consulted before any decision.',
  },
  {
    source: 'thinktank',
    date: '2021-11-17T09:30',
    slug: 'dudley-merger-business-case',
    title: 'Dudley Group FT merger business case goes to regulators',
    summary:
      'Dudley Group FT has sent the full business case for its merger to NHS England for review. The review of the financial plan is expected to take about eight weeks.',
  },
  {
    source: 'nhse',
    date: '2021-11-24T10:30',
    slug: 'dudley-merger-approved',
    title: 'Merger of Dudley Group FT and community trust approved',
    summary:
      'The merger of Dudley Group FT with its neighbouring community trust has been approved and will take effect on 1 April 2022. The merged trust will run acute and community services for about 450,000 people. A single board will be appointed in the new year.',
  },
  {
    source: 'trade',
    date: '2021-11-24T12:00',
    slug: 'dudley-merger-green-light',
    title: 'Dudley Group FT merger with community trust gets green light',
    summary:
      'Regulators have approved the merger of Dudley Group FT with a neighbouring community trust from 1 April 2022. The merged trust will serve about 450,000 people.',
  },
  {
    source: 'providers',
    date: '2021-11-24T15:00',
    slug: 'dudley-merger-providers',
    title: 'Dudley Group FT and community trust merger approved for April',
    summary:
      'Trust leaders welcomed approval of the merger of Dudley Group FT and its neighbouring community trust. The merged trust starts on 1 April 2022.',
  },
];
