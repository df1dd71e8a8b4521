import { formatDateTime } from '../../web/format.ts';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Row, Segmented, Select, Space, Tabs } from 'antd';
import { useState } from 'react';
import { z } from 'zod';
import { org } from '../../orgs/orgs.schema.ts';
import { apiGet } from '../../web/api.ts';
import { useCurrentUser, useMayCall } from '../../web/current-user.ts';
import { ErrorAlert } from '../../web/error-alert.tsx';

import { useT } from '../../web/i18n.ts';
import { Chart } from '../../web/kit/chart.tsx';

import { Page } from '../../web/page.tsx';
import { useIsMobile } from '../../web/use-is-mobile.ts';
import { dashboard } from './figures.api.ts';
import { chronicFiguresMessages } from './figures.i18n.ts';
import { type Level, type Caliber, THIS_YEAR, YEARS, type Cell } from './figures-shared.ts';
import { AreaTable, barControl, barSigned, Kpis } from './figures-parts.tsx';
import { Records } from './figures-records.tsx';
import { BaseTab, QualityTab } from './figures-tabs.tsx';

export function ChronicFiguresPage() {
  const t = useT(chronicFiguresMessages);
  const mayQuality = useMayCall('GET /api/chronic/data-quality');
  const mayBase = useMayCall('PUT /api/chronic/base-data');
  const [tab, setTab] = useState('figures');
  const [year, setYear] = useState(THIS_YEAR);
  return (
    <Page title={t('title')}>
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          { key: 'figures', label: t('tabFigures'), children: <FiguresTab year={year} setYear={setYear} /> },
          ...(mayQuality
            ? [{ key: 'quality', label: t('tabQuality'), children: <QualityTab year={year} setYear={setYear} /> }]
            : []),
          ...(mayBase
            ? [{ key: 'base', label: t('tabBase'), children: <BaseTab year={year} setYear={setYear} /> }]
            : []),
        ]}
      />
    </Page>
  );
}

export function YearSelect({ year, setYear }: { year: number; setYear: (y: number) => void }) {
  const t = useT(chronicFiguresMessages);
  return (
    <Select
      aria-label={t('year')}
      value={year}
      onChange={setYear}
      style={{ width: 100 }}
      options={YEARS.map((y) => ({ value: y, label: String(y) }))}
    />
  );
}

const orgList = z.array(org);

function FiguresTab({ year, setYear }: { year: number; setYear: (y: number) => void }) {
  const t = useT(chronicFiguresMessages);
  const me = useCurrentUser();
  const mobile = useIsMobile();
  const mayDrill = useMayCall('GET /api/chronic/figures/records');
  const [level, setLevel] = useState<Level>(me.org.kind === 'village_clinic' ? 'village' : 'township');
  const [caliber, setCaliber] = useState<Caliber>('four');
  const [orgId, setOrgId] = useState<number | undefined>();
  const [cell, setCell] = useState<Cell | null>(null);
  const orgs = useQuery({ queryKey: ['orgs'], queryFn: () => apiGet('/api/orgs', orgList), staleTime: 300_000 });
  const areaOptions = (orgs.data ?? [])
    .filter((o) => ['township_center', 'community_center', 'village_clinic'].includes(o.kind))
    .filter((o) =>
      me.org.kind === 'village_clinic'
        ? o.id === me.org.id
        : me.org.kind === 'township_center' || me.org.kind === 'community_center'
          ? o.id === me.org.id || o.parentId === me.org.id
          : true,
    )
    .map((o) => ({ value: o.id, label: o.kind === 'village_clinic' ? `· ${o.name}` : o.name }));
  const q = { year, level, caliber, orgId };
  const data = useQuery({
    queryKey: ['chronic-figures', q],
    queryFn: () => apiGet('/api/chronic/figures', dashboard, q),
  });
  const d = data.data;
  const open = (c: Omit<Cell, 'title'>, title: string) => (mayDrill ? () => setCell({ ...c, title }) : undefined);
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <YearSelect year={year} setYear={setYear} />
        <Segmented
          aria-label={t('level')}
          value={level}
          onChange={(v) => setLevel(v)}
          options={(['county', 'township', 'village', 'grid'] as const).map((l) => ({ value: l, label: t(l) }))}
        />
        <Select
          aria-label={t('caliber')}
          value={caliber}
          onChange={setCaliber}
          style={{ width: 180 }}
          options={[
            { value: 'four', label: t('caliberFour') },
            { value: 'quarterly', label: t('caliberQuarterly') },
          ]}
        />
        <Select
          allowClear
          aria-label={t('area')}
          placeholder={t('allAreas')}
          style={{ width: 180 }}
          value={orgId}
          onChange={(v?: number) => setOrgId(v)}
          options={areaOptions}
        />
      </Space>
      {data.isError ? <ErrorAlert error={data.error} onRetry={() => void data.refetch()} /> : null}
      {d ? (
        <>
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            data-testid="caliber-label"
            title={t('caliberNow', { label: d.caliberLabel })}
            description={`${mayDrill ? t('drillHint') : t('noDrill')} · ${t('computedAt', { at: formatDateTime(d.computedAt, { seconds: true }) })}`}
          />
          <Kpis d={d} t={t} open={open} orgId={orgId} />
          <Row gutter={[12, 12]} style={{ marginTop: 12 }}>
            <Col xs={24} lg={12}>
              <Card size="small" title={t('chartSigned')}>
                <Chart label={t('chartSigned')} option={barSigned(d, t)} height={mobile ? 240 : 300} />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card size="small" title={t('chartControl')}>
                <Chart label={t('chartControl')} option={barControl(d, t)} height={mobile ? 240 : 300} />
              </Card>
            </Col>
          </Row>
          <Card size="small" title={t('byArea')} style={{ marginTop: 12 }}>
            <AreaTable d={d} t={t} open={open} level={level} mobile={mobile} />
          </Card>
        </>
      ) : null}
      <Records cell={cell} year={year} caliber={caliber} onClose={() => setCell(null)} />
    </>
  );
}
