import { Card, Table, Typography } from 'antd';
import type { z } from 'zod';
import { ErrorAlert } from '../../web/error-alert.tsx';
import { common, useLang, useT } from '../../web/i18n.ts';
import { formatCount } from '../../web/format.ts';
import { Chart, type ChartOption } from '../../web/kit/chart.tsx';
import { Page } from '../../web/page.tsx';
import type { residentStats } from '../residents.schema.ts';
import { useResidentStats } from './residents.api.ts';
import { conditionLabel, residentMessages } from './residents.i18n.ts';

type Row = z.infer<typeof residentStats>[number];

/** The API suppresses cells under 5 (null) so a bureau official cannot single anyone out. */
const cell = (n: number | null) =>
  n === null ? <Typography.Text type="secondary">&lt;5</Typography.Text> : formatCount(n);

/** the 15 largest orgs; a suppressed cell (<5) is drawn as a gap, never as a number */
function chartOf(rows: Row[], lang: 'zh' | 'en', t: (k: 'residents' | 'poor') => string): ChartOption {
  const top = [...rows]
    .sort((a, b) => b.residents - a.residents)
    .slice(0, 15)
    .reverse();
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 120, right: 24, top: 32, bottom: 24 },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: top.map((r) => r.orgName) },
    series: [
      { name: t('residents'), type: 'bar', data: top.map((r) => r.residents) },
      { name: t('poor'), type: 'bar', data: top.map((r) => r.poor) },
      { name: conditionLabel('hypertension', lang), type: 'bar', data: top.map((r) => r.hypertension) },
      { name: conditionLabel('diabetes', lang), type: 'bar', data: top.map((r) => r.diabetes) },
    ],
  };
}

export function ResidentStatsPage() {
  const t = useT(residentMessages);
  const c = useT(common);
  const lang = useLang();
  const stats = useResidentStats();
  const rows = stats.data ?? [];
  const total = rows.reduce((sum, r) => sum + r.residents, 0);

  return (
    <Page title={c('nav.stats')}>
      {stats.isError ? <ErrorAlert error={stats.error} onRetry={() => void stats.refetch()} /> : null}
      {rows.length ? (
        <Card size="small" style={{ marginBottom: 12 }}>
          <Chart
            label={t('residents')}
            height={Math.max(260, Math.min(rows.length, 15) * 36)}
            option={chartOf(rows, lang, t)}
          />
        </Card>
      ) : null}
      <Card size="small">
        <Typography.Paragraph type="secondary">{t('statsNote')}</Typography.Paragraph>
        <Table<Row>
          rowKey="orgId"
          size="small"
          loading={stats.isPending}
          dataSource={rows}
          scroll={{ x: 640 }}
          pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
          columns={[
            { title: t('org'), dataIndex: 'orgName', fixed: 'left', width: 200 },
            {
              title: t('residents'),
              dataIndex: 'residents',
              align: 'right',
              sorter: (a, b) => a.residents - b.residents,
              render: cell,
            },
            { title: t('poor'), dataIndex: 'poor', align: 'right', render: cell },
            { title: conditionLabel('hypertension', lang), dataIndex: 'hypertension', align: 'right', render: cell },
            { title: conditionLabel('diabetes', lang), dataIndex: 'diabetes', align: 'right', render: cell },
          ]}
          summary={() =>
            rows.length ? (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0}>
                  <b>{t('total')}</b>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={1} align="right">
                  <b>{formatCount(total)}</b>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={2} colSpan={3} />
              </Table.Summary.Row>
            ) : null
          }
        />
      </Card>
    </Page>
  );
}
