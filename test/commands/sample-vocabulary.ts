// A fixed vocabulary for parser tests, independent of config/themes.yaml as it evolves.
import type { CommandVocabulary } from '../../src/commands/vocabulary.js';

export const vocabulary: CommandVocabulary = {
  themes: () => [
    { id: 'carter', label: 'Carter reviews', description: 'Lord Carter productivity reviews' },
    { id: 'stp', label: 'STPs', description: 'Sustainability and transformation plans' },
    { id: 'mcp', label: 'MCPs and new care models', description: 'Vanguards' },
    { id: 'procurement', label: 'Procurement', description: 'How the NHS buys' },
    { id: 'covid_cip', label: 'Covid and CIPs', description: 'Cost improvement plans' },
  ],
  sourceIds: () => ['hsj', 'nhs-england', 'dhsc'],
  defaultSchedule: () => ({ day: 1, time: '08:00' }),
};
