import { Card, Col, Descriptions, Input, Row, Space, Statistic, Table, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '../../web/error-alert.tsx';
import { useT } from '../../web/i18n.ts';
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
          <Input type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
          <Input type="date" value={to} onChange={(e) => setTo(e.target.value)} />
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
