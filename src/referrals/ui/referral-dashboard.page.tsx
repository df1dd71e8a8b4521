import { Card, Col, Row, Statistic, Table, Typography } from 'antd';
import { ErrorAlert } from '../../web/error-alert.tsx';
import { formatDate } from '../../web/format.ts';
import { useLang, useT, type Translate } from '../../web/i18n.ts';
import { Chart, type ChartOption } from '../../web/kit/chart.tsx';
import { Page } from '../../web/page.tsx';
import { useFigures } from './referrals.api.ts';
import { dashboardMessages, figureText } from './referrals.i18n.ts';

/** A time figure as a sentence a bureau official reads without knowing what P50 or P90 means. */
function minutesInWords(t: Translate<typeof dashboardMessages>, key: string, minutes: number): string {
  const span =
    minutes >= 120
      ? t('spanHours', { n: Math.round((minutes / 60) * 10) / 10 })
      : t('spanMinutes', { n: Math.round(minutes * 10) / 10 });
  if (key === 'accept_p50') return t('acceptP50', { span });
  if (key === 'accept_p90') return t('acceptP90', { span });
  return span;
}

type MonthRow = { month: string; up: number | null; down: number | null };

/** Monthly totals over the orgs; suppressed cells (<5) are left out, which the caption says. */
function monthChart(rows: MonthRow[], up: string, down: string): ChartOption {
  const months = [...new Set(rows.map((r) => r.month))].sort();
  const sum = (m: string, k: 'up' | 'down') => rows.filter((r) => r.month === m).reduce((n, r) => n + (r[k] ?? 0), 0);
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 40, right: 16, top: 36, bottom: 28 },
    xAxis: { type: 'category', data: months },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: up, type: 'bar', data: months.map((m) => sum(m, 'up')) },
      { name: down, type: 'bar', data: months.map((m) => sum(m, 'down')) },
    ],
  };
}

/** 双向转诊指标: every figure shows its numerator and denominator, so nobody has to trust a bare percentage. */
export function ReferralDashboardPage() {
  const t = useT(dashboardMessages);
  const lang = useLang();
  const figures = useFigures();
  const d = figures.data;
  return (
    <Page title={t('title')}>
      {figures.isError ? <ErrorAlert error={figures.error} /> : null}
      <Typography.Paragraph type="secondary">
        {d ? t('period', { from: formatDate(d.from), to: formatDate(d.to) }) : t('periodUnknown')}
        {d?.smallCellsSuppressed ? t('suppressed') : ''}
      </Typography.Paragraph>
      <Row gutter={[12, 12]}>
        {(d?.figures ?? []).map((f) => (
          <Col key={f.key} xs={24} sm={12} lg={6}>
            <Card size="small" title={figureText(f, lang).label}>
              <Statistic
                value={f.value ?? '—'}
                suffix={f.value === null ? '' : f.unit === 'percent' ? '%' : t('minutes')}
                precision={f.value === null ? undefined : 1}
              />
              {f.unit === 'minutes' && f.value !== null ? (
                <Typography.Paragraph style={{ margin: '4px 0' }} data-testid={`figure-words-${f.key}`}>
                  {minutesInWords(t, f.key, f.value)}
                </Typography.Paragraph>
              ) : null}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {f.numerator !== null ? `${f.numerator} / ${f.denominator}` : `n = ${f.denominator}`} ·{' '}
                {figureText(f, lang).definition}
              </Typography.Text>
            </Card>
          </Col>
        ))}
      </Row>
      {d?.byOrgMonth.length ? (
        <Card size="small" title={t('monthChart')} style={{ marginTop: 16 }}>
          <Chart label={t('monthChart')} option={monthChart(d.byOrgMonth, t('up'), t('down'))} />
        </Card>
      ) : null}
      <Card size="small" title={t('byOrgMonth')} style={{ marginTop: 16 }}>
        <Table
          size="small"
          rowKey={(r) => `${r.orgId}-${r.month}`}
          dataSource={d?.byOrgMonth ?? []}
          pagination={{ pageSize: 20 }}
          columns={[
            { title: t('month'), dataIndex: 'month', width: 100 },
            { title: t('org'), dataIndex: 'orgName' },
            { title: t('up'), dataIndex: 'up', width: 80, render: (v: number | null) => v ?? '<5' },
            { title: t('down'), dataIndex: 'down', width: 80, render: (v: number | null) => v ?? '<5' },
          ]}
        />
      </Card>
    </Page>
  );
}
