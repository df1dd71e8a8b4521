import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { PHARMACY_KEY } from './stock.api.ts';

/** Refetches the pharmacy lists when stock moves or a recall starts anywhere the user may see (SSE). */
export function usePharmacyLive(): boolean {
  const qc = useQueryClient();
  const [live, setLive] = useState(false);
  useEffect(() => {
    if (typeof EventSource === 'undefined') return undefined;
    const source = new EventSource('/api/pharmacy/stream');
    const refresh = () => void qc.invalidateQueries({ queryKey: PHARMACY_KEY });
    source.onopen = () => setLive(true);
    source.onerror = () => setLive(false);
    source.addEventListener('pharmacy.stock', refresh);
    source.addEventListener('pharmacy.recall', refresh);
    return () => source.close();
  }, [qc]);
  return live;
}
