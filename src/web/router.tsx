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

/**
 * A public page (outside the staff layout, authenticated by its own token), loaded on first
 * visit. Opened cold (a QR code, a bookmark) it is the first route to load: it needs its own
 * hydrate fallback, or react-router warns and renders nothing while the code arrives.
 */
function publicPage(path: string, load: () => Promise<ComponentType>): RouteObject {
  return { path, hydrateFallbackElement: <FullPageSpin />, lazy: async () => ({ Component: await load() }) };
}

const routes: RouteObject[] = [
  { path: '/login', element: <LoginPage /> },
  // clinics (issue 4): public pages outside the staff layout, each authenticated by its own token
  publicPage('/screen/:token', async () => (await import('../clinics/ui/screen.page.tsx')).ScreenPage),
  publicPage('/q/:token', async () => (await import('../clinics/ui/ticket.page.tsx')).TicketPage),
  publicPage('/book', async () => (await import('../clinics/ui/portal.page.tsx')).PortalPage),
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
          page(
            'residents',
            'GET /api/residents',
            async () => (await import('../residents/ui/resident-search.page.tsx')).ResidentSearchPage,
          ),
          page(
            'residents/new',
            'POST /api/residents',
            async () => (await import('../residents/ui/resident-create.page.tsx')).ResidentCreatePage,
          ),
          page(
            'residents/:id',
            'GET /api/residents/:id',
            async () => (await import('../residents/ui/resident-profile.page.tsx')).ResidentProfilePage,
          ),
          page(
            'residents/:id/edit',
            'PATCH /api/residents/:id',
            async () => (await import('../residents/ui/resident-edit.page.tsx')).ResidentEditPage,
          ),
          page(
            'resident-stats',
            'GET /api/resident-stats',
            async () => (await import('../residents/ui/resident-stats.page.tsx')).ResidentStatsPage,
          ),
          page('staff', 'GET /api/staff', async () => (await import('../staff/ui/staff.page.tsx')).StaffPage),
          page(
            'referrals',
            'GET /api/referrals',
            async () => (await import('../referrals/ui/referral-worklist.page.tsx')).ReferralWorklistPage,
          ),
          page(
            'referrals/new',
            'POST /api/referrals',
            async () => (await import('../referrals/ui/referral-create.page.tsx')).ReferralCreatePage,
          ),
          page(
            'referrals/:id',
            'GET /api/referrals/:id',
            async () => (await import('../referrals/ui/referral-detail.page.tsx')).ReferralDetailPage,
          ),
          page(
            'referral-tasks',
            'GET /api/referral-tasks',
            async () => (await import('../referrals/ui/referral-tasks.page.tsx')).ReferralTasksPage,
          ),
          page(
            'referral-dashboard',
            'GET /api/referral-figures',
            async () => (await import('../referrals/ui/referral-dashboard.page.tsx')).ReferralDashboardPage,
          ),
          page('visits', 'GET /api/visits', async () => (await import('../care/ui/visits.page.tsx')).VisitsPage),
          page('stays', 'GET /api/stays', async () => (await import('../care/ui/stays.page.tsx')).StaysPage),
          page(
            'care-figures',
            'GET /api/care-figures',
            async () => (await import('../care/ui/figures.page.tsx')).CareFiguresPage,
          ),
          page(
            'settlement/desk',
            'GET /api/settlement/desk',
            async () => (await import('../settlement/ui/desk.page.tsx')).SettlementDeskPage,
          ),
          page(
            'settlement/receivables',
            'GET /api/settlement/receivables',
            async () => (await import('../settlement/ui/receivables.page.tsx')).ReceivablesPage,
          ),
          page(
            'settlement/policy',
            'GET /api/settlement/policy/versions',
            async () => (await import('../settlement/ui/policy.page.tsx')).SettlementPolicyPage,
          ),
          page(
            'chronic/day',
            'GET /api/chronic/day-list',
            async () => (await import('../chronic/ui/day-list.page.tsx')).DayListPage,
          ),
          page(
            'chronic/cases',
            'GET /api/chronic/cases',
            async () => (await import('../chronic/ui/cases.page.tsx')).ChronicCasesPage,
          ),
          page('grid', 'GET /api/grid/mine', async () => (await import('../chronic/ui/my-grid.page.tsx')).MyGridPage),
          page('grids', 'GET /api/grids', async () => (await import('../chronic/ui/grids.page.tsx')).GridsPage),
          page(
            'chronic/figures',
            'GET /api/chronic/figures',
            async () => (await import('../chronic/ui/figures.page.tsx')).ChronicFiguresPage,
          ),
          // sterile supply and medical waste (issue 14 part 7)
          page(
            'sterile',
            'GET /api/sterile/packs',
            async () => (await import('../supply/ui/sterile.page.tsx')).SterilePage,
          ),
          page('waste', 'GET /api/waste/bags', async () => (await import('../supply/ui/waste.page.tsx')).WastePage),
          page(
            'waste/register',
            'POST /api/waste/bags',
            async () => (await import('../supply/ui/waste-register.page.tsx')).WasteRegisterPage,
          ),
          page(
            'supply/figures',
            'GET /api/supply/figures',
            async () => (await import('../supply/ui/supply-figures.page.tsx')).SupplyFiguresPage,
          ),
          page(
            'fd/contracts',
            'GET /api/fd/contracts',
            async () => (await import('../family-doctor/ui/contracts.page.tsx')).ContractsPage,
          ),
          page(
            'fd/sign',
            'POST /api/fd/contracts',
            async () => (await import('../family-doctor/ui/sign.page.tsx')).SignPage,
          ),
          page(
            'fd/teams',
            'GET /api/fd/teams',
            async () => (await import('../family-doctor/ui/teams.page.tsx')).TeamsPage,
          ),
          // ---- drugs: catalogue (issue 14)
          page(
            'pharmacy/catalogue',
            'GET /api/pharmacy/catalogue',
            async () => (await import('../pharmacy/ui/catalogue.page.tsx')).CataloguePage,
          ),

          // ---- drugs: requests, procurement, distribution (issue 14)
          page(
            'pharmacy/requests',
            'GET /api/pharmacy/requests',
            async () => (await import('../pharmacy/ui/requests.page.tsx')).RequestsPage,
          ),
          page(
            'pharmacy/purchase',
            'GET /api/pharmacy/purchase-orders',
            async () => (await import('../pharmacy/ui/purchase.page.tsx')).PurchasePage,
          ),
          page(
            'pharmacy/distribution',
            'GET /api/pharmacy/distributions',
            async () => (await import('../pharmacy/ui/distribution.page.tsx')).DistributionPage,
          ),

          // ---- drugs: stock, dispensing, recall, figures (issue 14)
          page(
            'pharmacy/stock',
            'GET /api/pharmacy/stock',
            async () => (await import('../pharmacy/ui/stock.page.tsx')).StockPage,
          ),
          page(
            'pharmacy/dispense',
            'POST /api/pharmacy/dispenses',
            async () => (await import('../pharmacy/ui/dispense.page.tsx')).DispensePage,
          ),
          page(
            'pharmacy/recalls',
            'GET /api/pharmacy/recalls',
            async () => (await import('../pharmacy/ui/recalls.page.tsx')).RecallsPage,
          ),
          page(
            'pharmacy/figures',
            'GET /api/pharmacy/figures',
            async () => (await import('../pharmacy/ui/figures.page.tsx')).DrugFiguresPage,
          ),

          // ---- sterile supply and medical waste (issue 14)

          // ---- remote diagnosis (issue 12)
          page(
            'remote/requests',
            'GET /api/remote/requests',
            async () => (await import('../remote/ui/requests.page.tsx')).RemoteRequestsPage,
          ),
          page(
            'remote/requests/:id',
            'GET /api/remote/requests/:id',
            async () => (await import('../remote/ui/request.page.tsx')).RemoteRequestPage,
          ),
          page(
            'remote/worklist',
            'GET /api/remote/worklist',
            async () => (await import('../remote/ui/worklist.page.tsx')).RemoteWorklistPage,
          ),
          page(
            'remote/read/:id',
            'GET /api/remote/worklist',
            async () => (await import('../remote/ui/reading.page.tsx')).RemoteReadingPage,
          ),
          page(
            'remote/criticals',
            'GET /api/remote/criticals',
            async () => (await import('../remote/ui/criticals.page.tsx')).CriticalsPage,
          ),
          page(
            'remote/schedule',
            'GET /api/remote/duty',
            async () => (await import('../remote/ui/schedule.page.tsx')).RemoteSchedulePage,
          ),
          page(
            'remote/unmatched',
            'GET /api/remote/studies/unmatched',
            async () => (await import('../remote/ui/studies.unmatched.page.tsx')).UnmatchedStudiesPage,
          ),
          page(
            'remote/consults',
            'GET /api/remote/consults',
            async () => (await import('../remote/ui/consults.page.tsx')).ConsultsPage,
          ),
          page(
            'remote/consults/:id',
            'GET /api/remote/consults/:id',
            async () => (await import('../remote/ui/consult.page.tsx')).ConsultPage,
          ),
          page(
            'remote/kit',
            'POST /api/remote/kit/batches',
            async () => (await import('../remote/ui/KitPage.tsx')).KitPage,
          ),
          page(
            'remote/figures',
            'GET /api/remote/figures',
            async () => (await import('../remote/ui/figures.page.tsx')).RemoteFiguresPage,
          ),

          // ---- 120 and the five centres (issue 13)
          page('ems/board', 'POST /api/ems/calls', async () => (await import('../ems/ui/board.page.tsx')).EmsBoardPage),
          page(
            'ems/fleet',
            'GET /api/ems/fleet/vehicles',
            async () => (await import('../ems/ui/fleet.page.tsx')).EmsFleetPage,
          ),
          page(
            'ems/missions',
            'GET /api/ems/missions',
            async () => (await import('../ems/ui/missions.page.tsx')).EmsMissionsPage,
          ),
          page(
            'ems/missions/:id',
            'GET /api/ems/missions/:id',
            async () => (await import('../ems/ui/mission.page.tsx')).EmsMissionPage,
          ),
          page(
            'ems/crew',
            'GET /api/ems/my-missions',
            async () => (await import('../ems/ui/crew.page.tsx')).EmsCrewPage,
          ),
          page(
            'ems/preadmissions',
            'GET /api/ems/preadmissions',
            async () => (await import('../ems/ui/preadmissions.page.tsx')).EmsPreadmissionsPage,
          ),
          page(
            'ems/figures',
            'GET /api/ems/figures',
            async () => (await import('../ems/ui/EmsFiguresPage.tsx')).EmsFiguresPage,
          ),

          page(
            'settlement/figures',
            'GET /api/settlement/figures',
            async () => (await import('../settlement/ui/figures.page.tsx')).SettlementFiguresPage,
          ),
          page(
            'city',
            'GET /api/city/settlements',
            async () => (await import('../settlement/ui/city.page.tsx')).CitySupervisionPage,
          ),
          page('wards', 'GET /api/wards', async () => (await import('../orgs/ui/wards.page.tsx')).WardsPage),
          page(
            'bed-board',
            'GET /api/bed-board',
            async () => (await import('../referrals/ui/bed-board.page.tsx')).BedBoardPage,
          ),
          page(
            'exam-orders',
            'GET /api/exam-orders',
            async () => (await import('../referrals/ui/exam-orders.page.tsx')).ExamOrdersPage,
          ),
          page(
            'out-of-county',
            'GET /api/out-of-county-visits',
            async () => (await import('../referrals/ui/out-of-county.page.tsx')).OutOfCountyPage,
          ),
          page(
            'clinics',
            'GET /api/clinic-sessions',
            async () => (await import('../clinics/ui/clinic-sessions.page.tsx')).ClinicSessionsPage,
          ),
          page(
            'clinics/sessions/:id',
            'GET /api/clinic-sessions/:id',
            async () => (await import('../clinics/ui/clinic-session.page.tsx')).ClinicSessionPage,
          ),
          page(
            'clinics/console',
            'GET /api/clinic-sessions/:id/queue',
            async () => (await import('../clinics/ui/clinic-console.page.tsx')).ClinicConsolePage,
          ),
          page(
            'clinics/experts',
            'GET /api/experts',
            async () => (await import('../clinics/ui/experts.page.tsx')).ExpertsPage,
          ),
          page(
            'clinics/stats',
            'GET /api/clinic-stats',
            async () => (await import('../clinics/ui/clinic-stats.page.tsx')).ClinicStatsPage,
          ),
          page(
            'his',
            'GET /api/his/overview',
            async () => (await import('../his/ui/his-interface.page.tsx')).HisInterfacePage,
          ),
          page(
            'clinics/rules',
            'PATCH /api/clinic-settings',
            async () => (await import('../clinics/ui/clinic-rules.page.tsx')).ClinicRulesPage,
          ),
          page(
            'clinics/subsidy',
            'GET /api/clinic-subsidy',
            async () => (await import('../clinics/ui/clinic-subsidy.page.tsx')).ClinicSubsidyPage,
          ),
          page('audit', 'GET /api/audit', async () => (await import('../audit/ui/audit-log.page.tsx')).AuditLogPage),
          { path: '*', element: <NotFound /> },
        ],
      },
    ],
  },
];

export const router = createBrowserRouter(routes);
