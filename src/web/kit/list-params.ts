import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { z } from 'zod';
import { apiGet, type Query } from '../api.ts';

/** What every list asks the server for (src/platform/list.ts): a page, its size, a sort, a search. */
export type ListParams = {
  page: number;
  pageSize: number;
  sort?: string;
  q?: string;
};
type Value = string | number | undefined;
export type Filters = Record<string, Value>;

export interface ListControl<F extends Filters> {
  params: ListParams & F;
  /** paging and sorting: keeps the filters */
  setPaging(patch: Partial<Pick<ListParams, 'page' | 'pageSize' | 'sort'>>): void;
  /** a new search or filter starts again at page 1 */
  setFilter(patch: Partial<F> & { q?: string }): void;
  /** any parameters, page kept */
  set(patch: Partial<ListParams & F>): void;
}

export const DEFAULT_PAGE_SIZE = 20;

/**
 * A list's parameters, in component state or (inUrl) in the address bar, so "back" from a
 * detail page returns to the same page of the same search and a link can be shared with a
 * colleague who has the same reach. In the URL every value is text; page and pageSize are
 * read back as numbers.
 */
export function useListParams<F extends Filters>(
  defaults: F & Partial<ListParams>,
  opts: { inUrl?: boolean } = {},
): ListControl<F> {
  const [local, setLocal] = useState<Record<string, Value>>({});
  const [search, setSearch] = useSearchParams();
  // the defaults are a literal of the calling page: their content, not their identity, matters
  const defaultsKey = JSON.stringify(defaults);
  const current = useMemo(() => {
    const given: Record<string, Value> = opts.inUrl ? Object.fromEntries(search.entries()) : local;
    const base = JSON.parse(defaultsKey) as Record<string, Value>;
    const merged: Record<string, Value> = { page: 1, pageSize: DEFAULT_PAGE_SIZE, ...base, ...given };
    // '' marks a filter the user cleared where the page has a default (e.g. status=pending)
    for (const [k, v] of Object.entries(merged)) if (v === '') merged[k] = undefined;
    merged.page = Math.max(1, Number(merged.page) || 1);
    merged.pageSize = Math.max(1, Number(merged.pageSize) || DEFAULT_PAGE_SIZE);
    return merged as unknown as ListParams & F;
  }, [opts.inUrl, search, local, defaultsKey]);

  const write = useCallback(
    (patch: Record<string, Value>) => {
      const next: Record<string, Value> = { ...(opts.inUrl ? Object.fromEntries(search.entries()) : local), ...patch };
      const base = JSON.parse(defaultsKey) as Record<string, Value>;
      const clean = Object.fromEntries(
        Object.entries(next)
          .filter(([k, v]) =>
            // q='' stays: "search for everything" differs from "not searched yet" on pages that wait for a search
            v === undefined || (v === '' && k !== 'q')
              ? base[k] !== undefined && base[k] !== ''
              : !(k === 'page' && v === 1),
          )
          .map(([k, v]) => [k, v ?? '']),
      );
      if (opts.inUrl)
        setSearch(Object.fromEntries(Object.entries(clean).map(([k, v]) => [k, String(v)])), { replace: false });
      else setLocal(clean);
    },
    [opts.inUrl, search, local, setSearch, defaultsKey],
  );

  return {
    params: current,
    setPaging: (patch) => write(patch),
    setFilter: (patch) => write({ ...patch, page: 1 }),
    set: (patch) => write(patch),
  };
}

/** One page of a list from the server, the previous page kept on screen while the next loads. */
export function useListQuery<S extends z.ZodType>(
  key: readonly unknown[],
  url: string,
  schema: S,
  params: Query,
  opts: { enabled?: boolean; refetchInterval?: number } = {},
) {
  return useQuery({
    queryKey: [...key, params],
    queryFn: () => apiGet(url, schema, params),
    placeholderData: keepPreviousData,
    enabled: opts.enabled,
    refetchInterval: opts.refetchInterval,
  });
}
