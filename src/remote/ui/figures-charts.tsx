import { Card, Col, Empty, Row, Table } from 'antd';
import type { Translate } from '../../web/i18n.ts';
import { Chart, type ChartOption } from '../../web/kit/chart.tsx';
import type { RemoteFigure, RemoteFigures, TurnaroundCell } from '../figures.schema.ts';
import type { remoteFiguresMessages } from './remote-figures.i18n.ts';

type T = Translate<typeof remoteFiguresMessages>;

const byKey = (d: RemoteFigures, key: string): RemoteFigure | undefined => d.figures.find((f) => f.key === key);

function bars(labels: string[], name: string, data: Array<number | null>, unit: string): ChartOption {
  return {
    tooltip: { trigger: 'axis' },
    grid: { left: 48, right: 16, top: 16, bottom: 40 },
    xAxis: { type: 'category', data: labels, axisLabel: { interval: 0, rotate: labels.length > 6 ? 30 : 0 } },
    yAxis: { type: 'value', axisLabel: { formatter: `{value}${unit}` } },
    series: [{ name, type: 'bar', data, label: { show: true, position: 'top', formatter: `{c}${unit}` } }],
  };
}

/** monthly consultations (bars) and their year-on-year growth (line, right axis) */
function consultsOption(d: RemoteFigures, t: T): ChartOption {
  const count = byKey(d, 'consults')?.byMonth ?? [];
  const growth = byKey(d, 'consult_growth')?.byMonth ?? [];
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 48, right: 56, top: 36, bottom: 28 },
    xAxis: { type: 'category', data: d.months },
    yAxis: [
      { type: 'value', minInterval: 1 },
      { type: 'value', axisLabel: { formatter: '{value}%' } },
    ],
    series: [
      { name: t('consults'), type: 'bar', data: count.map((m) => m.value) },
      { name: t('growth'), type: 'line', yAxisIndex: 1, connectNulls: true, data: growth.map((m) => m.value) },
    ],
  };
}

/** 远程诊断统计 charts: turnaround by centre (and the centre × priority table), consultations with YoY, ECG coverage */
export function RemoteFigureCharts({ d, t }: { d: RemoteFigures; t: T }) {
  const within = byKey(d, 'within_limit')?.byCentre ?? [];
  const coverage = byKey(d, 'ecg_coverage')?.byTownship ?? [];
  const centreName = (id: string) => t(`centre.${id}` as 'centre.ecg');
  return (
    <Row gutter={[12, 12]}>
      <Col xs={24} lg={12}>
        <Card size="small" title={t('turnaroundByCentre')} data-chart="turnaround">
          {within.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('noData')} />
          ) : (
            <Chart
              label={t('turnaroundByCentre')}
              height={260}
              option={bars(
                within.map((c) => centreName(c.id)),
                t('withinLimit'),
                within.map((c) => c.value),
                '%',
              )}
            />
          )}
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card size="small" title={t('matrix')}>
          <Table<TurnaroundCell>
            size="small"
            rowKey={(r) => `${r.centre}:${r.priority}`}
            dataSource={d.turnaround}
            pagination={false}
            locale={{ emptyText: t('noData') }}
            columns={[
              { title: t('centre'), render: (_, r) => centreName(r.centre) },
              { title: t('priority'), render: (_, r) => t(`priority.${r.priority}`) },
              { title: t('numerator'), dataIndex: 'numerator', align: 'right' },
              { title: t('denominator'), dataIndex: 'denominator', align: 'right' },
              { title: t('withinLimit'), align: 'right', render: (_, r) => (r.value === null ? '—' : `${r.value}%`) },
              {
                title: t('median'),
                align: 'right',
                render: (_, r) => (r.medianMin === null ? '—' : t('minutes', { v: r.medianMin })),
              },
            ]}
          />
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card size="small" title={t('consultsTrend')} data-chart="consults">
          <Chart label={t('consultsTrend')} height={260} option={consultsOption(d, t)} />
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card size="small" title={t('coverage')} data-chart="coverage">
          {coverage.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('noData')} />
          ) : (
            <Chart
              label={t('coverage')}
              height={260}
              option={bars(
                coverage.map((c) => c.name),
                t('coverage'),
                coverage.map((c) => c.value),
                '%',
              )}
            />
          )}
        </Card>
      </Col>
    </Row>
  );
}
