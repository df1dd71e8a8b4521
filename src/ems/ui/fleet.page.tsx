import { Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { useT } from '../../web/i18n.ts';
import { Page } from '../../web/page.tsx';
import { useEmsLive } from './ems.api.ts';
import { fleetMessages } from './fleet-admin.i18n.ts';
import { FleetRoads } from './fleet-roads.tsx';
import { FleetStations } from './fleet-stations.tsx';
import { FleetVehicles } from './fleet-vehicles.tsx';

const TABS = ['vehicles', 'stations', 'roads'] as const;
type Tab = (typeof TABS)[number];

/** 急救资源: the dispatch centre keeps its ambulances, stations and road network (closures, speeds). */
export function EmsFleetPage() {
  const t = useT(fleetMessages);
  useEmsLive();
  const [search, setSearch] = useSearchParams();
  const asked = search.get('tab');
  const tab: Tab = TABS.includes(asked as Tab) ? (asked as Tab) : 'vehicles';
  return (
    <Page title={t('title')}>
      <Tabs
        activeKey={tab}
        onChange={(k) => setSearch(k === 'vehicles' ? {} : { tab: k }, { replace: true })}
        destroyOnHidden
        items={[
          { key: 'vehicles', label: t('tabVehicles'), children: <FleetVehicles /> },
          { key: 'stations', label: t('tabStations'), children: <FleetStations /> },
          { key: 'roads', label: t('tabRoads'), children: <FleetRoads /> },
        ]}
      />
    </Page>
  );
}
