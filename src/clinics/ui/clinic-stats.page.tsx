import { Card, Col, Descriptions, Row, Space, Statistic, Table, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '../../web/error-alert.tsx';
import { useT } from '../../web/i18n.ts';
import { Chart, type ChartOption } from '../../web/kit/chart.tsx';
import { DateInput } from '../../web/kit/date-input.tsx';
import { Page } from '../../web/page.tsx';
import type { StatsRow } from '../stats.schema.ts';
import { useClinicStats, useSubsidy } from './clinics.api.ts';
import { clinicMessages, todayShanghai, yuan } from './clinics.i18n.ts';

/** The first column is named after what the rows are: 专家, 专业, 机构 or 月份. */
const columns = (dimension: string) => [
  { title: dimension, dataIndex: 'label' },
  { title: '坐诊场次', dataIndex: 'sessions' },
  { title: '专家人次', dataIndex: 'expertVisits' },
  { title: '预约', dataIndex: 'booked' },
  { title: '就诊', dataIndex: 'served' },
  { title: '爽约', dataIndex: 'noShows' },
];

function monthChart(rows: StatsRow[]): ChartOption {
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 40, right: 16, top: 36, bottom: 28 },
    xAxis: { type: 'category', data: rows.map((r) => r.label) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: '坐诊场次', type: 'bar', data: rows.map((r) => r.sessions) },
      { name: '就诊', type: 'line', data: rows.map((r) => r.served) },
      { name: '爽约', type: 'line', data: rows.map((r) => r.noShows) },
    ],
  };
}

function specialityChart(rows: StatsRow[]): ChartOption {
  const top = [...rows]
    .sort((a, b) => b.served - a.served)
    .slice(0, 10)
    .reverse();
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 90, right: 24, top: 8, bottom: 24 },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: top.map((r) => r.label) },
    series: [{ name: '就诊', type: 'bar', data: top.map((r) => r.served) }],
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
    <Table<StatsRow> rowKey="key" size="small" pagination={false} dataSource={rows} columns={columns(dimension)} />
  );
  return (
    <Page
      title={t('stats')}
      extra={
        <Space>
          <DateInput value={from} allowClear={false} aria-label="开始日期" onChange={(v) => v && setFrom(v)} />
          <DateInput value={to} allowClear={false} aria-label="结束日期" onChange={(v) => v && setTo(v)} />
        </Space>
      }
    >
      {stats.isError ? <ErrorAlert error={stats.error} /> : null}
      {s ? (
        <>
          <Row gutter={12} style={{ marginBottom: 12 }}>
            {[
              ['坐诊场次', s.totals.sessions],
              ['专家人次', s.totals.expertVisits],
              ['服务患者', s.totals.served],
              ['爽约', s.totals.noShows],
            ].map(([k, v]) => (
              <Col xs={12} md={6} key={k}>
                <Card size="small">
                  <Statistic title={k} value={v} />
                </Card>
              </Col>
            ))}
          </Row>
          <Card size="small" title="县内就医节约估算" style={{ marginBottom: 12 }}>
            <Statistic value={yuan(s.savings.totalFen)} />
            <Descriptions
              size="small"
              column={{ xs: 1, md: 2 }}
              style={{ marginTop: 8 }}
              items={[
                { label: '就诊人数', children: s.savings.patientsServed },
                { label: '县外就医平均费用', children: yuan(s.savings.avgOutOfCountyCostFen) },
                { label: '平均交通食宿费用', children: yuan(s.savings.avgTravelCostFen) },
                { label: '县内就医平均费用', children: yuan(s.savings.avgInCountyCostFen) },
                { label: '每人节约', children: yuan(s.savings.perPatientFen) },
              ]}
            />
            <Typography.Text type="secondary">{s.savings.formula}（参数可在预约规则中调整）</Typography.Text>
          </Card>
          <Row gutter={12}>
            <Col xs={24} lg={14}>
              <Card size="small" title="按月份" style={{ marginBottom: 12 }}>
                <Chart label="每月坐诊场次、服务患者与爽约" option={monthChart(s.byMonth)} />
              </Card>
            </Col>
            <Col xs={24} lg={10}>
              <Card size="small" title="按专业（服务患者）" style={{ marginBottom: 12 }}>
                <Chart label="各专业服务患者人次" option={specialityChart(s.bySpeciality)} />
              </Card>
            </Col>
          </Row>
          <Card size="small" style={{ marginBottom: 12 }}>
            <Tabs
              items={[
                { key: 'expert', label: '按专家', children: table('专家', s.byExpert) },
                { key: 'speciality', label: '按专业', children: table('专业', s.bySpeciality) },
                { key: 'org', label: '按机构', children: table('机构', s.byOrg) },
                { key: 'month', label: '按月份', children: table('月份', s.byMonth) },
              ]}
            />
          </Card>
        </>
      ) : null}
      {l ? (
        <Card size="small" title={`${l.year} 年专家补贴台账`}>
          <Row gutter={12} style={{ marginBottom: 12 }}>
            {[
              ['年度预算', l.budgetFen],
              ['已支出', l.spentFen],
              ['已安排', l.committedFen],
              ['结余', l.leftFen],
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
              { title: '专家', dataIndex: 'expertName' },
              { title: '场次', dataIndex: 'sessions' },
              { title: '已支出', render: (_, r) => yuan(r.spentFen) },
              { title: '已安排', render: (_, r) => yuan(r.committedFen) },
            ]}
          />
          {l.pendingApproval.length ? (
            <Typography.Paragraph type="warning">
              待审批（超出预算）：
              {l.pendingApproval.map((p) => `${p.date} ${p.expertName ?? ''} ${yuan(p.subsidyFen)}`).join('；')}
            </Typography.Paragraph>
          ) : null}
        </Card>
      ) : null}
    </Page>
  );
}
