import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { apiGet } from '../../web/api.ts';
import { ErrorAlert } from '../../web/error-alert.tsx';
import { formatCount, formatDateTime, formatMoney, todayShanghai } from '../../web/format.ts';
import { useT, type Translate } from '../../web/i18n.ts';
import { Chart, type ChartOption } from '../../web/kit/chart.tsx';
import { Page } from '../../web/page.tsx';
import { useIsMobile } from '../../web/use-is-mobile.ts';
import { cityOverview, type CityOverview } from './settlement-admin.api.ts';
import { enumWord, settlementAdminMessages } from './settlement-admin.i18n.ts';

type T = Translate<typeof settlementAdminMessages>;
type CountyRow = CityOverview['counties'][number] & { key: string };
type FeedRow = CityOverview['recent'][number];

const THIS_YEAR = Number(todayShanghai().slice(0, 4));
const YEARS = Array.from({ length: 6 }, (_, i) => THIS_YEAR - i);
const LEVEL_ORDER = ['primary', 'county', 'city', 'province'];

const ratioText = (r: number | null | undefined) => (r == null ? '—' : `${(r * 100).toFixed(1)}%`);

function behindText(s: number, t: T): string {
  if (s < 60) return t('behindSeconds', { n: s });
  if (s < 3600) return t('behindMinutes', { n: Math.floor(s / 60) });
  return t('behindHours', { n: Math.floor(s / 3600) });
}

/** the poor inpatients' ratio per county, one bar per hospital level */
function ratioChart(rows: CountyRow[], t: T): ChartOption {
  const counties = [...new Map(rows.map((r) => [r.countyCode, r.countyName])).entries()];
  const levels = LEVEL_ORDER.filter((l) => rows.some((r) => r.hospLevel === l && r.poorRatio !== null));
  return {
    tooltip: { trigger: 'axis', valueFormatter: (v) => (v == null ? '—' : `${String(v)}%`) },
    legend: { top: 0 },
    grid: { left: 44, right: 16, top: 36, bottom: 28 },
    xAxis: { type: 'category', data: counties.map(([, name]) => name) },
    yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    series: levels.map((l) => ({
      name: enumWord(t, 'hospLevel', l),
      type: 'bar' as const,
      data: counties.map(([code]) => {
        const r = rows.find((x) => x.countyCode === code && x.hospLevel === l)?.poorRatio;
        return r == null ? null : Math.round(r * 1000) / 10;
      }),
    })),
  };
}

/** 市级结算监管: every county's confirmed settlements from the city feed, refreshed every 10 s. */
export function CitySupervisionPage() {
  const t = useT(settlementAdminMessages);
  const mobile = useIsMobile();
  const [year, setYear] = useState(THIS_YEAR);
  const q = useQuery({
    queryKey: ['city-settlements', year],
    queryFn: () => apiGet('/api/city/settlements', cityOverview, { year }),
    refetchInterval: 10_000,
  });
  const d = q.data;
  const counties = useMemo<CountyRow[]>(
    () => (d?.counties ?? []).map((r) => ({ ...r, key: `${r.countyCode}:${r.hospLevel}` })),
    [d],
  );
  const chart = useMemo(() => ratioChart(counties, t), [counties, t]);

  const countyColumns: ColumnsType<CountyRow> = [
    {
      title: t('countyName'),
      dataIndex: 'countyName',
      fixed: 'left',
      width: mobile ? 90 : 120,
      onCell: (r, i) => {
        const first = i === 0 || counties[(i ?? 0) - 1]?.countyCode !== r.countyCode;
        return { rowSpan: first ? counties.filter((x) => x.countyCode === r.countyCode).length : 0 };
      },
    },
    { title: t('hospLevel'), dataIndex: 'hospLevel', width: 80, render: (l: string) => enumWord(t, 'hospLevel', l) },
    { title: t('settlements'), dataIndex: 'settlements', align: 'right', render: (n: number) => formatCount(n) },
    { title: t('reversals'), dataIndex: 'reversals', align: 'right', render: (n: number) => formatCount(n) },
    { title: t('totalCost'), dataIndex: 'totalFen', align: 'right', render: (n: number) => formatMoney(n) },
    { title: t('fund'), dataIndex: 'fundFen', align: 'right', render: (n: number) => formatMoney(n) },
    { title: t('patient'), dataIndex: 'patientFen', align: 'right', render: (n: number) => formatMoney(n) },
    { title: t('advanced'), dataIndex: 'advanceFen', align: 'right', render: (n: number) => formatMoney(n) },
    { title: t('poorRatio'), dataIndex: 'poorRatio', align: 'right', render: (r: number | null) => ratioText(r) },
    {
      title: t('lastConfirmed'),
      key: 'last',
      width: 170,
      render: (_, r) => (
        <>
          <div>{formatDateTime(r.lastConfirmedAt, { seconds: true })}</div>
          {r.behindSeconds !== null ? <Tag data-since={r.behindSeconds}>{behindText(r.behindSeconds, t)}</Tag> : null}
        </>
      ),
    },
  ];
  const feedColumns: ColumnsType<FeedRow> = [
    { title: t('countyName'), dataIndex: 'countyName', width: 90 },
    {
      title: t('settlementNo'),
      key: 'no',
      width: 190,
      render: (_, r) => (
        <>
          <span className="oc-mono">{r.settlementNo}</span>
          {r.kind === 'reversal' ? (
            <div>
              <Tag color="red">{t('reversal')}</Tag>
              {r.reversesNo ? (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('reversesNo', { no: r.reversesNo })}
                </Typography.Text>
              ) : null}
            </div>
          ) : null}
        </>
      ),
    },
    {
      title: t('org'),
      key: 'org',
      width: 160,
      render: (_, r) => (
        <>
          <div>{r.orgName}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {enumWord(t, 'hospLevel', r.hospLevel)} · {enumWord(t, 'setting', r.setting)}
          </Typography.Text>
        </>
      ),
    },
    { title: t('personCat'), dataIndex: 'personCat', render: (c: string) => enumWord(t, 'personCat', c) },
    { title: t('sex'), dataIndex: 'sex', width: 60, render: (s: string) => enumWord(t, 'sex', s) },
    { title: t('ageBand'), dataIndex: 'ageBand', width: 70 },
    {
      title: t('diagnosisCode'),
      dataIndex: 'diagnosisCode',
      width: 90,
      render: (c: string | null) => <span className="oc-mono">{c ?? '—'}</span>,
    },
    { title: t('totalCost'), dataIndex: 'totalFen', align: 'right', render: (n: number) => formatMoney(n) },
    { title: t('fund'), dataIndex: 'fundFen', align: 'right', render: (n: number) => formatMoney(n) },
    { title: t('patient'), dataIndex: 'patientFen', align: 'right', render: (n: number) => formatMoney(n) },
    {
      title: t('lastConfirmed'),
      dataIndex: 'confirmedAt',
      width: 150,
      render: (at: string) => formatDateTime(at, { seconds: true }),
    },
  ];

  return (
    <Page title={t('cityTitle')}>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          aria-label={t('year')}
          style={{ width: 110 }}
          value={year}
          onChange={setYear}
          options={YEARS.map((y) => ({ value: y, label: String(y) }))}
        />
        {d ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('refreshEvery', { time: formatDateTime(q.dataUpdatedAt, { seconds: true }) })}
          </Typography.Text>
        ) : null}
      </Space>
      {q.isError ? <ErrorAlert error={q.error} onRetry={() => void q.refetch()} /> : null}
      {d ? (
        <Alert
          type={d.source === 'city' ? 'success' : 'warning'}
          showIcon
          title={d.source === 'city' ? t('sourceCity') : t('sourceLocal')}
          description={
            d.replication?.length
              ? d.replication
                  .map((r) => t('replicationAt', { name: r.name, at: formatDateTime(r.receivedAt, { seconds: true }) }))
                  .join('；')
              : undefined
          }
          style={{ marginBottom: 12 }}
          data-source={d.source}
        />
      ) : null}
      <Card size="small" title={t('countyLevelTitle')} loading={q.isLoading}>
        <Table<CountyRow>
          size="small"
          bordered
          rowKey="key"
          pagination={false}
          scroll={{ x: 1200 }}
          locale={{ emptyText: t('noData') }}
          columns={countyColumns}
          dataSource={counties}
        />
      </Card>
      <Card size="small" title={t('ratioByCounty')} style={{ marginTop: 12 }}>
        <Chart label={t('ratioByCounty')} option={chart} />
      </Card>
      <Card size="small" title={t('recentTitle')} style={{ marginTop: 12 }}>
        <Table<FeedRow>
          size="small"
          rowKey={(r) => `${r.countyCode}:${r.settlementNo}`}
          pagination={false}
          scroll={{ x: 1300 }}
          locale={{ emptyText: t('noData') }}
          columns={feedColumns}
          dataSource={d?.recent ?? []}
          onRow={(r) => ({ style: r.kind === 'reversal' ? { background: '#fff7e6' } : undefined })}
        />
      </Card>
    </Page>
  );
}
