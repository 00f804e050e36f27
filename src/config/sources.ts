// config/sources.yaml: the sources a team reads. Validated with zod; ids must be unique.
import { z } from 'zod';
import type { Source } from '../domain.js';

const selectorsSchema = z
  .object({
    item: z.string().min(1),
    title: z.string().min(1),
    link: z.string().min(1),
    linkAttr: z.string().optional(),
    date: z.string().optional(),
    dateAttr: z.string().optional(),
    summary: z.string().optional(),
  })
  .strict();

const httpUrl = z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' });

const sourceSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, 'lower-case letters, digits, - and _ only'),
    name: z.string().min(1),
    kind: z.enum(['feed', 'html']).default('feed'),
    url: httpUrl,
    pollIntervalMinutes: z.number().int().min(1).optional(),
    paywalled: z.boolean().default(false),
    authority: z.number().min(0).max(1).default(0.5),
    enabled: z.boolean().default(true),
    verified: z.boolean().default(true),
    selectors: selectorsSchema.optional(),
    notes: z.string().optional(),
  })
  .strict()
  .superRefine((s, ctx) => {
    if (s.kind === 'html' && !s.selectors) {
      ctx.addIssue({ code: 'custom', path: ['selectors'], message: 'html sources need selectors' });
    }
  });

export const sourcesFileSchema = z
  .object({ sources: z.array(sourceSchema) })
  .strict()
  .superRefine((file, ctx) => {
    const seen = new Map<string, number>();
    file.sources.forEach((s, i) => {
      const first = seen.get(s.id);
      if (first !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['sources', i, 'id'],
          message: `duplicate id "${s.id}" (also sources.${first})`,
        });
      } else seen.set(s.id, i);
    });
  });

export function toSources(
  file: z.infer<typeof sourcesFileSchema>,
  defaultIntervalMinutes: number,
): Source[] {
  return file.sources.map((s) => ({
    ...s,
    pollIntervalMinutes: s.pollIntervalMinutes ?? defaultIntervalMinutes,
  }));
}
