import { Card, Col, InputNumber, Row, Skeleton, Statistic, Table, Typography } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '../../web/error-alert.tsx';
import { todayShanghai } from '../../web/format.ts';
import { useT, type Translate } from '../../web/i18n.ts';
import { Chart } from '../../web/kit/chart.tsx';
import { Page } from '../../web/page.tsx';
import { CATEGORIES, useFigures, type Figures } from './supply.api.ts';
import { supplyMessages } from './supply.i18n.ts';
import { categoryLabel } from './waste.page.tsx';

type T = Translate<typeof supplyMessages>;
const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);
const kg = (g: number) => Math.round(g / 100) / 10;

/** 消毒供应与医疗废物指标: each figure from its versioned view, with numerator, denominator and definition. */
export function SupplyFiguresPage() {
  const t = useT(supplyMessages);
  const [year, setYear] = useState(Number(todayShanghai().slice(0, 4)));
  const figures = useFigures(year);
  const f = figures.data;
  return (
    <Page
      title={t('figuresTitle')}
      extra={
        <InputNumber aria-label={t('year')} min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} />
      }
    >
      {figures.isError ? <ErrorAlert error={figures.error} onRetry={() => void figures.refetch()} /> : null}
      {!f ? <Skeleton active /> : <Body f={f} t={t} />}
    </Page>
  );
}

function Definition({
  t,
  d,
}: {
  t: T;
  d: { definition: string; numerator: string; denominator: string; view: string };
}) {
  return (
    <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 0 }}>
      {`${t('definition')}: ${d.definition}. ${t('numerator')}: ${d.numerator}; ${t('denominator')}: ${d.denominator}. ${d.view}`}
    </Typography.Paragraph>
  );
}

function Body({ f, t }: { f: Figures; t: T }) {
  const months = [
    ...new Set([...f.wasteWeight.byMonth.map((m) => m.month), ...f.sterileFailure.byMonth.map((m) => m.month)]),
  ].sort();
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} md={8}>
        <Card size="small">
          <Statistic title={t('wasteWeight')} value={kg(f.wasteWeight.totalG)} suffix={`/ ${f.wasteWeight.bags}`} />
          <Definition t={t} d={f.wasteWeight} />
        </Card>
      </Col>
      <Col xs={24} md={8}>
        <Card size="small">
          <Statistic
            title={t('unconfirmedRate')}
            value={pct(f.unconfirmed.rate)}
            suffix={`${f.unconfirmed.numeratorValue} / ${f.unconfirmed.denominatorValue}`}
          />
          <Definition t={t} d={f.unconfirmed} />
        </Card>
      </Col>
      <Col xs={24} md={8}>
        <Card size="small">
          <Statistic
            title={t('failureRate')}
            value={pct(f.sterileFailure.rate)}
            suffix={`${f.sterileFailure.numeratorValue} / ${f.sterileFailure.denominatorValue}`}
          />
          <Typography.Text>
            {`${t('recalledPacks', { n: f.sterileFailure.recalledOut })}: ${f.sterileFailure.recalledPacks}`}
          </Typography.Text>
          <Definition t={t} d={f.sterileFailure} />
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card size="small" title={`${t('wasteWeight')} · ${t('byMonth')}`}>
          <Chart
            label={t('wasteWeight')}
            option={{
              tooltip: { trigger: 'axis' },
              legend: { bottom: 0 },
              grid: { left: 40, right: 10, top: 10, bottom: 50 },
              xAxis: { type: 'category', data: months },
              yAxis: { type: 'value' },
              series: CATEGORIES.map((c) => ({
                type: 'bar' as const,
                stack: 'w',
                name: categoryLabel(t, c),
                data: months.map((m) =>
                  kg(f.wasteWeight.byMonth.find((x) => x.month === m && x.category === c)?.weightG ?? 0),
                ),
              })),
            }}
          />
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card size="small" title={`${t('failureRate')} · ${t('byMonth')}`}>
          <Chart
            label={t('failureRate')}
            option={{
              tooltip: { trigger: 'axis' },
              legend: { bottom: 0 },
              grid: { left: 40, right: 40, top: 10, bottom: 50 },
              xAxis: { type: 'category', data: f.sterileFailure.byMonth.map((m) => m.month) },
              yAxis: [{ type: 'value' }, { type: 'value', position: 'right' }],
              series: [
                { type: 'bar', name: t('readLoads'), data: f.sterileFailure.byMonth.map((m) => m.readLoads) },
                { type: 'bar', name: t('failedLoads'), data: f.sterileFailure.byMonth.map((m) => m.failed) },
                {
                  type: 'line',
                  name: t('recalled'),
                  yAxisIndex: 1,
                  data: f.sterileFailure.byMonth.map((m) => m.recalled),
                },
              ],
            }}
          />
        </Card>
      </Col>
      <Col span={24}>
        <Card size="small" title={`${t('wasteWeight')} · ${t('byOrg')}`}>
          <Table
            size="small"
            rowKey="orgId"
            scroll={{ x: 600 }}
            pagination={{ pageSize: 20 }}
            dataSource={f.wasteWeight.byOrg}
            columns={[
              { title: t('org'), dataIndex: 'orgName' },
              { title: t('bags'), dataIndex: 'bags', align: 'right' },
              { title: t('wasteWeight'), align: 'right', render: (_, r) => kg(r.weightG) },
              { title: t('handovers'), dataIndex: 'handovers', align: 'right' },
              { title: t('unconfirmed'), dataIndex: 'unconfirmed', align: 'right' },
            ]}
          />
        </Card>
      </Col>
    </Row>
  );
}
