import { z } from "zod";
import { notFound } from "../errors.ts";

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

/** `page` from 1; `page_size` 1..100, larger values capped at 100 as DRF's max_page_size does. */
export const paginationInput = {
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  page_size: z.coerce
    .number()
    .int()
    .min(1)
    .default(DEFAULT_PAGE_SIZE)
    .transform((size) => Math.min(size, MAX_PAGE_SIZE)),
};

export interface PageRequest {
  page: number;
  page_size: number;
}

export interface Page<T> {
  count: number;
  next: string | null;
  previous: string | null;
  results: T[];
}

export const pageOutput = <T extends z.ZodType>(item: T) =>
  z.object({ count: z.number().int(), next: z.string().nullable(), previous: z.string().nullable(), results: z.array(item) });

/** Prisma's skip/take for a page. */
export const pageWindow = ({ page, page_size }: PageRequest) => ({ skip: (page - 1) * page_size, take: page_size });

/**
 * The DRF-style envelope, with absolute next/previous links built from the listing's URL and
 * query. A page past the end is 404, as in DRF ("Invalid page."), except page 1 of nothing.
 */
export function toPage<T>(
  results: T[],
  count: number,
  request: PageRequest,
  listUrl: string,
  query: Record<string, unknown> = {},
): Page<T> {
  const lastPage = Math.max(1, Math.ceil(count / request.page_size));
  if (request.page > lastPage) throw notFound("Invalid page.");
  const linkTo = (page: number) => {
    const url = new URL(listUrl);
    for (const [key, value] of Object.entries({ ...query, page, page_size: request.page_size })) {
      if (value != null && String(value) !== "") url.searchParams.set(key, String(value));
    }
    return url.toString();
  };
  return {
    count,
    next: request.page < lastPage ? linkTo(request.page + 1) : null,
    previous: request.page > 1 ? linkTo(request.page - 1) : null,
    results,
  };
}
