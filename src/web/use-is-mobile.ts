import { useSyncExternalStore } from 'react';

// Below antd's `md` breakpoint the side menu becomes a drawer. matchMedia is read
// synchronously so the first paint already has the right layout (no desktop flash on phones).
const QUERY = '(max-width: 767.98px)';

function subscribe(onChange: () => void): () => void {
  const mql = window.matchMedia(QUERY);
  mql.addEventListener('change', onChange);
  return () => mql.removeEventListener('change', onChange);
}

export function useIsMobile(): boolean {
  return useSyncExternalStore(subscribe, () => window.matchMedia(QUERY).matches);
}
