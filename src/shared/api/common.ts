import { z } from 'zod';

export const uuid = z.uuid();
export const idParams = z.object({ id: uuid });
export const municipalityParams = z.object({ municipalityId: uuid });

export const pageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export function paged<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
}

export const okResponse = z.object({ ok: z.literal(true) });
