import { Card, Col, Descriptions, Row, Space, Statistic, Table, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '../../web/error-alert.tsx';
import { useT, type Translate } from '../../web/i18n.ts';
import { Chart, type ChartOption } from '../../web/kit/chart.tsx';
import { DateInput } from '../../web/kit/date-input.tsx';
import { Page } from '../../web/page.tsx';
import type { StatsRow } from '../stats.schema.ts';
import { useClinicStats, useSubsidy } from './clinics.api.ts';
import { clinicMessages, todayShanghai, yuan } from './clinics.i18n.ts';

type T = Translate<typeof clinicMessages>;

/** The first column is named after what the rows are: 专家, 专业, 机构 or 月份. */
const columns = (t: T, dimension: string) => [
  { title: dimension, dataIndex: 'label' },
  { title: t('statSessions'), dataIndex: 'sessions' },
  { title: t('statExpertVisits'), dataIndex: 'expertVisits' },
  { title: t('booked'), dataIndex: 'booked' },
  { title: t('statServedShort'), dataIndex: 'served' },
  { title: t('noShow'), dataIndex: 'noShows' },
];

function monthChart(t: T, rows: StatsRow[]): ChartOption {
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 40, right: 16, top: 36, bottom: 28 },
    xAxis: { type: 'category', data: rows.map((r) => r.label) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: t('statSessions'), type: 'bar', data: rows.map((r) => r.sessions) },
      { name: t('statServedShort'), type: 'line', data: rows.map((r) => r.served) },
      { name: t('noShow'), type: 'line', data: rows.map((r) => r.noShows) },
    ],
  };
}

function specialityChart(t: T, rows: StatsRow[]): ChartOption {
  const top = [...rows]
    .sort((a, b) => b.served - a.served)
    .slice(0, 10)
    .reverse();
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 90, right: 24, top: 8, bottom: 24 },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: top.map((r) => r.label) },
    series: [{ name: t('statServedShort'), type: 'bar', data: top.map((r) => r.served) }],
  };
}

/** Programme figures, the savings estimate with its inputs, and the subsidy ledger. */
export function ClinicStatsPage() {
  const t = useT(clinicMessages);
  const [to, setTo] = useState(todayShanghai());
  // 365 days back, as the server's default ("the same day last year" does not exist after 29 February)
  const [from, setFrom] = useState(() =>
    new Date(Date.parse(`${todayShanghai()}T00:00:00Z`) - 365 * 86_400_000).toISOString().slice(0, 10),
  );
  const stats = useClinicStats({ from, to });
  const year = Number(to.slice(0, 4));
  const ledger = useSubsidy(year);
  const s = stats.data;
  const l = ledger.data;
  const table = (dimension: string, rows: StatsRow[]) => (
    <Table<StatsRow>
      rowKey="key"
      size="small"
      pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
      dataSource={rows}
      columns={columns(t, dimension)}
    />
  );
  return (
    <Page
      title={t('stats')}
      extra={
        <Space>
          <DateInput value={from} allowClear={false} aria-label={t('fromDate')} onChange={(v) => v && setFrom(v)} />
          <DateInput value={to} allowClear={false} aria-label={t('toDate')} onChange={(v) => v && setTo(v)} />
        </Space>
      }
    >
      {stats.isError ? <ErrorAlert error={stats.error} /> : null}
      {s ? (
        <>
          <Row gutter={12} style={{ marginBottom: 12 }}>
            {[
              [t('statSessions'), s.totals.sessions],
              [t('statExpertVisits'), s.totals.expertVisits],
              [t('statServed'), s.totals.served],
              [t('noShow'), s.totals.noShows],
            ].map(([k, v]) => (
              <Col xs={12} md={6} key={k}>
                <Card size="small">
                  <Statistic title={k} value={v} />
                </Card>
              </Col>
            ))}
          </Row>
          <Card size="small" title={t('savingsTitle')} style={{ marginBottom: 12 }}>
            <Statistic value={yuan(s.savings.totalFen)} />
            <Descriptions
              size="small"
              column={{ xs: 1, md: 2 }}
              style={{ marginTop: 8 }}
              items={[
                { label: t('savingsPatients'), children: s.savings.patientsServed },
                { label: t('savingsOutOfCounty'), children: yuan(s.savings.avgOutOfCountyCostFen) },
                { label: t('savingsTravel'), children: yuan(s.savings.avgTravelCostFen) },
                { label: t('savingsInCounty'), children: yuan(s.savings.avgInCountyCostFen) },
                { label: t('savingsPerPatient'), children: yuan(s.savings.perPatientFen) },
              ]}
            />
            <Typography.Text type="secondary">
              {s.savings.formula}
              {t('savingsTune')}
            </Typography.Text>
          </Card>
          <Row gutter={12}>
            <Col xs={24} lg={14}>
              <Card size="small" title={t('byMonth')} style={{ marginBottom: 12 }}>
                <Chart label={t('monthChartLabel')} option={monthChart(t, s.byMonth)} />
              </Card>
            </Col>
            <Col xs={24} lg={10}>
              <Card size="small" title={t('bySpecialityServed')} style={{ marginBottom: 12 }}>
                <Chart label={t('specialityChartLabel')} option={specialityChart(t, s.bySpeciality)} />
              </Card>
            </Col>
          </Row>
          <Card size="small" style={{ marginBottom: 12 }}>
            <Tabs
              items={[
                { key: 'expert', label: t('byExpert'), children: table(t('expert'), s.byExpert) },
                { key: 'speciality', label: t('bySpeciality'), children: table(t('speciality'), s.bySpeciality) },
                { key: 'org', label: t('byOrg'), children: table(t('org'), s.byOrg) },
                { key: 'month', label: t('byMonth'), children: table(t('month'), s.byMonth) },
              ]}
            />
          </Card>
        </>
      ) : null}
      {l ? (
        <Card size="small" title={t('ledgerTitle', { year: l.year })}>
          <Row gutter={12} style={{ marginBottom: 12 }}>
            {[
              [t('ledgerBudget'), l.budgetFen],
              [t('ledgerSpent'), l.spentFen],
              [t('ledgerCommitted'), l.committedFen],
              [t('ledgerLeft'), l.leftFen],
            ].map(([k, v]) => (
              <Col xs={12} md={6} key={String(k)}>
                <Statistic title={k} value={yuan(v as number | null)} />
              </Col>
            ))}
          </Row>
          <Table
            rowKey={(r) => String(r.expertId)}
            size="small"
            pagination={{ pageSize: 10 }}
            dataSource={l.byExpert}
            columns={[
              { title: t('expert'), dataIndex: 'expertName' },
              { title: t('ledgerSessions'), dataIndex: 'sessions' },
              { title: t('ledgerSpent'), render: (_, r) => yuan(r.spentFen) },
              { title: t('ledgerCommitted'), render: (_, r) => yuan(r.committedFen) },
            ]}
          />
          {l.pendingApproval.length ? (
            <Typography.Paragraph type="warning">
              {t('ledgerPending')}
              {l.pendingApproval.map((p) => `${p.date} ${p.expertName ?? ''} ${yuan(p.subsidyFen)}`).join(t('listSep'))}
            </Typography.Paragraph>
          ) : null}
        </Card>
      ) : null}
    </Page>
  );
}
