import { useQuery } from '@tanstack/react-query';
import { Card, Col, Row, Select, Space, Statistic, Table, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState, type ReactNode } from 'react';
import { apiGet } from '../../web/api.ts';
import { ErrorAlert } from '../../web/error-alert.tsx';
import { formatCount, formatMoney, todayShanghai } from '../../web/format.ts';
import { useT, type Translate } from '../../web/i18n.ts';
import { Chart, type ChartOption } from '../../web/kit/chart.tsx';
import { Page } from '../../web/page.tsx';
import { useIsMobile } from '../../web/use-is-mobile.ts';
import { settlementFigures, type LevelRow, type SettlementFigures } from './settlement-admin.api.ts';
import { enumWord, settlementAdminMessages } from './settlement-admin.i18n.ts';

type T = Translate<typeof settlementAdminMessages>;
type Payer = LevelRow['payers'][number]['payer'];
const PAYERS: Payer[] = ['basic', 'serious', 'supplementary', 'assistance', 'doudi'];

const THIS_YEAR = Number(todayShanghai().slice(0, 4));
const YEARS = Array.from({ length: 6 }, (_, i) => THIS_YEAR - i);

/** 0.8234 → `82.3%` */
const ratioText = (r: number | null | undefined) => (r == null ? '—' : `${(r * 100).toFixed(1)}%`);
const asPct = (r: number | null) => (r == null ? null : Math.round(r * 1000) / 10);

/** a figure card: its name opens the definition; the view file it comes from below */
function FigureCard({
  title,
  definition,
  view,
  value,
  children,
}: {
  title: string;
  definition: ReactNode;
  view: string;
  value: string;
  children?: ReactNode;
}) {
  const t = useT(settlementAdminMessages);
  return (
    <Card
      size="small"
      style={{ height: '100%' }}
      title={
        <Tooltip title={definition}>
          <span style={{ borderBottom: '1px dashed #999', cursor: 'help' }}>{title}</span>
        </Tooltip>
      }
    >
      <Statistic value={value} />
      <div style={{ fontSize: 12 }}>{children}</div>
      <Typography.Text type="secondary" style={{ fontSize: 11, wordBreak: 'break-all' }}>
        {t('sourceView', { view })}
      </Typography.Text>
    </Card>
  );
}

function Definition({ d }: { d: { definition: string; numerator: string; denominator: string } }) {
  const t = useT(settlementAdminMessages);
  return (
    <>
      <div>{d.definition}</div>
      <div>
        {t('numerator')}：{d.numerator}
      </div>
      <div>
        {t('denominator')}：{d.denominator}
      </div>
    </>
  );
}

const Muted = ({ children }: { children: ReactNode }) => (
  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
    {children}
  </Typography.Text>
);

function trendChart(f: SettlementFigures, t: T): ChartOption {
  return {
    tooltip: { trigger: 'axis', valueFormatter: (v) => (v == null ? '—' : `${String(v)}%`) },
    legend: { top: 0 },
    grid: { left: 44, right: 16, top: 36, bottom: 28 },
    xAxis: { type: 'category', data: f.trend.map((m) => m.month) },
    yAxis: { type: 'value', axisLabel: { formatter: '{value}%' }, max: 100 },
    series: [
      { name: t('poorRatio'), type: 'line', connectNulls: true, data: f.trend.map((m) => asPct(m.poorRatio)) },
      { name: t('allRatio'), type: 'line', connectNulls: true, data: f.trend.map((m) => asPct(m.allRatio)) },
    ],
  };
}

function payerChart(f: SettlementFigures, t: T): ChartOption {
  const rows = f.poorInpatientRatio.byLevel;
  return {
    tooltip: { trigger: 'axis', valueFormatter: (v) => (v == null ? '—' : `${String(v)}%`) },
    legend: { top: 0 },
    grid: { left: 44, right: 16, top: 56, bottom: 28 },
    xAxis: { type: 'category', data: rows.map((r) => enumWord(t, 'hospLevel', r.hospLevel ?? '')) },
    yAxis: { type: 'value', axisLabel: { formatter: '{value}%' }, max: 100 },
    series: PAYERS.map((p) => ({
      name: t(p),
      type: 'bar' as const,
      stack: 'share',
      data: rows.map((r) => asPct(r.payers.find((x) => x.payer === p)?.ratio ?? null)),
    })),
  };
}

type LevelRowKeyed = LevelRow & { key: string };
type AdvanceRow = SettlementFigures['advance']['rows'][number] & { key: string };
type PackageRow = SettlementFigures['packages']['rows'][number];

/** 结算运行指标: the year's settlement figures, each with its definition and view, charts and tables. */
export function SettlementFiguresPage() {
  const t = useT(settlementAdminMessages);
  const mobile = useIsMobile();
  const [year, setYear] = useState(THIS_YEAR);
  const figures = useQuery({
    queryKey: ['settlement-figures', year],
    queryFn: () => apiGet('/api/settlement/figures', settlementFigures, { year }),
  });
  const f = figures.data;
  const trend = useMemo(() => (f ? trendChart(f, t) : null), [f, t]);
  const payers = useMemo(() => (f ? payerChart(f, t) : null), [f, t]);

  const levelColumns: ColumnsType<LevelRowKeyed> = [
    {
      title: t('hospLevel'),
      key: 'level',
      fixed: 'left',
      width: 90,
      render: (_, r) => (r.hospLevel === null ? t('total') : enumWord(t, 'hospLevel', r.hospLevel)),
    },
    { title: t('settlements'), dataIndex: 'settlements', align: 'right', render: (n: number) => formatCount(n) },
    { title: t('totalCost'), dataIndex: 'totalFen', align: 'right', render: (n: number) => formatMoney(n) },
    { title: t('fund'), dataIndex: 'fundFen', align: 'right', render: (n: number) => formatMoney(n) },
    { title: t('patient'), dataIndex: 'patientFen', align: 'right', render: (n: number) => formatMoney(n) },
    { title: t('poorRatio'), dataIndex: 'ratio', align: 'right', render: (r: number | null) => ratioText(r) },
    ...PAYERS.map((p) => ({
      title: t(p),
      key: p,
      align: 'right' as const,
      render: (_: unknown, r: LevelRowKeyed) => {
        const x = r.payers.find((y) => y.payer === p);
        return (
          <>
            <div>{ratioText(x?.ratio)}</div>
            <Muted>{formatMoney(x?.fen ?? 0)}</Muted>
          </>
        );
      },
    })),
  ];
  const advanceColumns: ColumnsType<AdvanceRow> = [
    { title: t('org'), dataIndex: 'orgName', fixed: 'left', width: 140 },
    {
      title: t('payer'),
      dataIndex: 'payer',
      render: (p: string) => (PAYERS.includes(p as Payer) ? t(p as Payer) : p),
    },
    { title: t('advanced'), dataIndex: 'advancedFen', align: 'right', render: (n: number) => formatMoney(n) },
    { title: t('paid'), dataIndex: 'paidFen', align: 'right', render: (n: number) => formatMoney(n) },
    { title: t('outstanding'), dataIndex: 'outstandingFen', align: 'right', render: (n: number) => formatMoney(n) },
    {
      title: t('over30'),
      dataIndex: 'over30Fen',
      align: 'right',
      render: (n: number) => (n > 0 ? <Typography.Text type="danger">{formatMoney(n)}</Typography.Text> : '—'),
    },
  ];
  const packageColumns: ColumnsType<PackageRow> = [
    {
      title: t('code'),
      dataIndex: 'code',
      fixed: 'left',
      width: 110,
      render: (c: string) => <span className="oc-mono">{c}</span>,
    },
    { title: t('diseaseName'), dataIndex: 'name' },
    { title: t('stays'), dataIndex: 'stays', align: 'right', render: (n: number) => formatCount(n) },
    { title: t('totalCost'), dataIndex: 'totalFen', align: 'right', render: (n: number) => formatMoney(n) },
    { title: t('hospitalPart'), dataIndex: 'hospitalFen', align: 'right', render: (n: number) => formatMoney(n) },
    { title: t('avgPatient'), dataIndex: 'avgPatientFen', align: 'right', render: (n: number) => formatMoney(n) },
  ];

  const outstanding = f?.advance.rows.reduce((s, r) => s + r.outstandingFen, 0) ?? 0;
  const over30 = f?.advance.rows.reduce((s, r) => s + r.over30Fen, 0) ?? 0;
  const advanced = f?.advance.rows.reduce((s, r) => s + r.advancedFen, 0) ?? 0;
  const pkgStays = f?.packages.rows.reduce((s, r) => s + r.stays, 0) ?? 0;
  const poorOwn = f?.ownPay.rows.find((r) => r.personCat === 'poor');
  const fs = f?.fundShare;

  return (
    <Page title={t('figuresTitle')}>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          aria-label={t('year')}
          style={{ width: 110 }}
          value={year}
          onChange={setYear}
          options={YEARS.map((y) => ({ value: y, label: String(y) }))}
        />
      </Space>
      {figures.isError ? <ErrorAlert error={figures.error} onRetry={() => void figures.refetch()} /> : null}
      {figures.isLoading ? <Card loading size="small" /> : null}
      {f && fs ? (
        <>
          <Row gutter={[12, 12]}>
            <Col xs={24} sm={12} xl={8} xxl={4}>
              <FigureCard
                title={t('poorRatio')}
                definition={<Definition d={f.poorInpatientRatio} />}
                view={f.poorInpatientRatio.view}
                value={ratioText(f.poorInpatientRatio.total.ratio)}
              >
                <Muted>
                  {t('numerator')} {formatMoney(f.poorInpatientRatio.total.fundFen)} / {t('denominator')}{' '}
                  {formatMoney(f.poorInpatientRatio.total.totalFen)}
                </Muted>
              </FigureCard>
            </Col>
            <Col xs={24} sm={12} xl={8} xxl={5}>
              <FigureCard
                title={t('ownPay')}
                definition={<Definition d={f.ownPay} />}
                view={f.ownPay.view}
                value={poorOwn ? `${t('median')} ${formatMoney(poorOwn.medianFen)}` : '—'}
              >
                {f.ownPay.rows.map((r) => (
                  <div key={r.personCat}>
                    <Muted>
                      {enumWord(t, 'personCat', r.personCat)}（{formatCount(r.stays)}）：{t('median')}{' '}
                      {formatMoney(r.medianFen)} · {t('p90')} {formatMoney(r.p90Fen)} · {t('atCapShare')}{' '}
                      {ratioText(r.atCapShare)}
                    </Muted>
                  </div>
                ))}
              </FigureCard>
            </Col>
            <Col xs={24} sm={12} xl={8} xxl={4}>
              <FigureCard
                title={t('advance')}
                definition={<Definition d={f.advance} />}
                view={f.advance.view}
                value={formatMoney(outstanding)}
              >
                <div>
                  <Typography.Text type={over30 > 0 ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
                    {t('over30')} {formatMoney(over30)}
                  </Typography.Text>
                </div>
                <Muted>
                  {t('advanced')} {formatMoney(advanced)}
                </Muted>
              </FigureCard>
            </Col>
            <Col xs={24} sm={12} xl={8} xxl={3}>
              <FigureCard
                title={t('packageShare')}
                definition={<Definition d={f.packages} />}
                view={f.packages.view}
                value={ratioText(f.packages.share)}
              >
                <Muted>
                  {t('numerator')} {formatCount(pkgStays)}
                </Muted>
              </FigureCard>
            </Col>
            <Col xs={24} sm={12} xl={8} xxl={4}>
              <FigureCard
                title={t('fundShare')}
                definition={<Definition d={fs} />}
                view={fs.view}
                value={fs.inCountyShare === null ? t('noOutCounty') : ratioText(fs.inCountyShare)}
              >
                <Muted>
                  {formatMoney(fs.inCountyFen)} / {formatMoney(fs.inCountyFen + fs.outOfCountyFen)}
                  {fs.outOfCountyRecords > 0 ? ` · ${t('outCountyRecords', { n: fs.outOfCountyRecords })}` : ''}
                </Muted>
              </FigureCard>
            </Col>
            <Col xs={24} sm={12} xl={8} xxl={4}>
              <FigureCard
                title={t('primaryShare')}
                definition={<Definition d={fs} />}
                view={fs.view}
                value={fs.primaryShare === null ? t('noOutCounty') : ratioText(fs.primaryShare)}
              >
                <Muted>
                  {formatMoney(fs.primaryFen)} / {formatMoney(fs.inCountyFen + fs.outOfCountyFen)}
                </Muted>
              </FigureCard>
            </Col>
          </Row>
          <Row gutter={[12, 12]} style={{ marginTop: 12 }}>
            <Col xs={24} lg={12}>
              <Card size="small" title={t('trendTitle')}>
                {trend ? <Chart label={t('trendTitle')} option={trend} /> : null}
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card size="small" title={t('payerShareTitle')}>
                {payers ? <Chart label={t('payerShareTitle')} option={payers} height={mobile ? 340 : 300} /> : null}
              </Card>
            </Col>
          </Row>
          <Card size="small" title={t('byLevelTitle')} style={{ marginTop: 12 }}>
            <Table<LevelRowKeyed>
              size="small"
              rowKey="key"
              pagination={false}
              scroll={{ x: 1100 }}
              locale={{ emptyText: t('noData') }}
              columns={levelColumns}
              dataSource={
                f.poorInpatientRatio.byLevel.length
                  ? [
                      ...f.poorInpatientRatio.byLevel.map((r) => ({ ...r, key: r.hospLevel ?? '' })),
                      { ...f.poorInpatientRatio.total, hospLevel: null, key: '_total' },
                    ]
                  : []
              }
            />
          </Card>
          <Card size="small" title={t('advanceTitle')} style={{ marginTop: 12 }}>
            <Table<AdvanceRow>
              size="small"
              rowKey="key"
              pagination={false}
              scroll={{ x: 720 }}
              locale={{ emptyText: t('noData') }}
              columns={advanceColumns}
              dataSource={f.advance.rows.map((r) => ({ ...r, key: `${r.orgId}:${r.payer}` }))}
            />
          </Card>
          <Card size="small" title={t('packagesTitle')} style={{ marginTop: 12 }}>
            <Table<PackageRow>
              size="small"
              rowKey="code"
              pagination={false}
              scroll={{ x: 720 }}
              locale={{ emptyText: t('noData') }}
              columns={packageColumns}
              dataSource={f.packages.rows}
            />
          </Card>
        </>
      ) : null}
    </Page>
  );
}
