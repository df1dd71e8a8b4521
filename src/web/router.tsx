import type { ComponentType } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { ChangePasswordPage } from '../auth/ui/change-password.page.tsx';
import { LoginPage } from '../auth/ui/login.page.tsx';
import type { PolicyRoute } from './access.ts';
import { Allowed, CHANGE_PASSWORD_PATH, FullPageSpin, NotFound, RequireAuth } from './guards.tsx';
import { HomePage } from './home.page.tsx';
import { AppLayout } from './layout.tsx';

/**
 * One line per page. Feature pages load on first visit (a village clinic on a slow line
 * should not download the audit screens); each is guarded by the API route it needs.
 */
function page(path: string, needs: PolicyRoute, load: () => Promise<ComponentType>): RouteObject {
  return {
    path,
    element: <Allowed route={needs} />,
    children: [{ index: true, lazy: async () => ({ Component: await load() }) }],
  };
}

const routes: RouteObject[] = [
  { path: '/login', element: <LoginPage /> },
  {
    element: <RequireAuth />,
    // shown while a lazily loaded page is fetched on a cold start (deep link, reload)
    hydrateFallbackElement: <FullPageSpin />,
    children: [
      { path: CHANGE_PASSWORD_PATH, element: <ChangePasswordPage /> },
      {
        element: <AppLayout />,
        children: [
          { index: true, element: <HomePage /> },
          page('orgs', 'GET /api/orgs', async () => (await import('../orgs/ui/orgs-network.page.tsx')).OrgsNetworkPage),
          page('residents', 'GET /api/residents', async () => (await import('../residents/ui/resident-search.page.tsx')).ResidentSearchPage),
          page('residents/new', 'POST /api/residents', async () => (await import('../residents/ui/resident-create.page.tsx')).ResidentCreatePage),
          page('residents/:id', 'GET /api/residents/:id', async () => (await import('../residents/ui/resident-profile.page.tsx')).ResidentProfilePage),
          page('residents/:id/edit', 'PATCH /api/residents/:id', async () => (await import('../residents/ui/resident-edit.page.tsx')).ResidentEditPage),
          page('resident-stats', 'GET /api/resident-stats', async () => (await import('../residents/ui/resident-stats.page.tsx')).ResidentStatsPage),
          page('staff', 'GET /api/staff', async () => (await import('../staff/ui/staff.page.tsx')).StaffPage),
          page('audit', 'GET /api/audit', async () => (await import('../audit/ui/audit-log.page.tsx')).AuditLogPage),
          { path: '*', element: <NotFound /> },
        ],
      },
    ],
  },
];

export const router = createBrowserRouter(routes);
