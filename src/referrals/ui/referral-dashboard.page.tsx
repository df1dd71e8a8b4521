import { Card, Col, Row, Statistic, Table, Typography } from 'antd';
import { ErrorAlert } from '../../web/error-alert.tsx';
import { formatDate } from '../../web/format.ts';
import { Chart, type ChartOption } from '../../web/kit/chart.tsx';
import { Page } from '../../web/page.tsx';
import { useFigures } from './referrals.api.ts';

type MonthRow = { month: string; up: number | null; down: number | null };

/** Monthly totals over the orgs; suppressed cells (<5) are left out, which the caption says. */
function monthChart(rows: MonthRow[]): ChartOption {
  const months = [...new Set(rows.map((r) => r.month))].sort();
  const sum = (m: string, k: 'up' | 'down') => rows.filter((r) => r.month === m).reduce((n, r) => n + (r[k] ?? 0), 0);
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 40, right: 16, top: 36, bottom: 28 },
    xAxis: { type: 'category', data: months },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: '上转', type: 'bar', data: months.map((m) => sum(m, 'up')) },
      { name: '下转', type: 'bar', data: months.map((m) => sum(m, 'down')) },
    ],
  };
}

/** 双向转诊指标: every figure shows its numerator and denominator, so nobody has to trust a bare percentage. */
export function ReferralDashboardPage() {
  const figures = useFigures();
  const d = figures.data;
  return (
    <Page title="双向转诊指标">
      {figures.isError ? <ErrorAlert error={figures.error} /> : null}
      <Typography.Paragraph type="secondary">
        统计区间：{d ? `${formatDate(d.from)} 至 ${formatDate(d.to)}` : '—'}（卫健局账号：小于 5 的格子不显示）
      </Typography.Paragraph>
      <Row gutter={[12, 12]}>
        {(d?.figures ?? []).map((f) => (
          <Col key={f.key} xs={24} sm={12} lg={6}>
            <Card size="small" title={f.label}>
              <Statistic
                value={f.value ?? '—'}
                suffix={f.value === null ? '' : f.unit === 'percent' ? '%' : '分钟'}
                precision={f.value === null ? undefined : 1}
              />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {f.numerator !== null ? `${f.numerator} / ${f.denominator}` : `n = ${f.denominator}`} · {f.definition}
              </Typography.Text>
            </Card>
          </Col>
        ))}
      </Row>
      {d?.byOrgMonth.length ? (
        <Card size="small" title="每月上转/下转（全部机构合计，小于 5 的格子未计入）" style={{ marginTop: 16 }}>
          <Chart label="每月上转与下转人次" option={monthChart(d.byOrgMonth)} />
        </Card>
      ) : null}
      <Card size="small" title="各机构每月上转/下转" style={{ marginTop: 16 }}>
        <Table
          size="small"
          rowKey={(r) => `${r.orgId}-${r.month}`}
          dataSource={d?.byOrgMonth ?? []}
          pagination={{ pageSize: 20 }}
          columns={[
            { title: '月份', dataIndex: 'month', width: 100 },
            { title: '机构', dataIndex: 'orgName' },
            { title: '上转', dataIndex: 'up', width: 80, render: (v: number | null) => v ?? '<5' },
            { title: '下转', dataIndex: 'down', width: 80, render: (v: number | null) => v ?? '<5' },
          ]}
        />
      </Card>
    </Page>
  );
}
