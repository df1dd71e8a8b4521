import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Col,
  Empty,
  Row,
  Segmented,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useState } from 'react';
import { z } from 'zod';
import { apiDownload, apiGet } from '../../web/api.ts';
import { ErrorAlert, errorMessage } from '../../web/error-alert.tsx';
import { todayShanghai } from '../../web/format.ts';
import { useT, type Translate } from '../../web/i18n.ts';
import { Chart, type ChartOption } from '../../web/kit/chart.tsx';
import { Page } from '../../web/page.tsx';
import { emsFiguresMessages } from './ems-figures.i18n.ts';

type T = Translate<typeof emsFiguresMessages>;

// ---- the answer of GET /api/ems/figures (src/ems/figures.service.ts, EmsFigures) ----
const cell = z.object({ numerator: z.number().nullable(), denominator: z.number(), value: z.number().nullable() });
const part = cell.extend({ id: z.number(), name: z.string() });
const GROUPS = ['dispatch', 'chest_pain', 'stroke', 'transfer'] as const;
const emsFigure = cell.extend({
  key: z.string(),
  group: z.enum(GROUPS),
  label: z.string(),
  definition: z.string(),
  numeratorText: z.string(),
  denominatorText: z.string(),
  view: z.string(),
  unit: z.enum(['percent', 'minutes']),
  aim: z.object({ op: z.enum(['ge', 'le']), value: z.number(), text: z.string() }).nullable(),
  met: z.boolean().nullable(),
  byMonth: z.array(cell.extend({ month: z.string() })),
  byStation: z.array(part).nullable(),
  byDest: z.array(part).nullable(),
  byTownship: z.array(part).nullable(),
});
const bucket = z.object({ label: z.string(), n: z.number() });
export const emsFigures = z.object({
  from: z.string(),
  to: z.string(),
  months: z.array(z.string()),
  figures: z.array(emsFigure),
  responseDistribution: z.array(bucket),
  consentDistribution: z.array(bucket),
});
type EmsFigure = z.infer<typeof emsFigure>;
type EmsFigures = z.infer<typeof emsFigures>;
type View = 'byMonth' | 'byStation' | 'byDest' | 'byTownship';

/** '2025-03' + n months */
function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number);
  const i = y * 12 + m - 1 + n;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
}
const THIS_MONTH = todayShanghai().slice(0, 7);
const MONTHS = Array.from({ length: 36 }, (_, i) => addMonths(THIS_MONTH, -i));

const labelOf = (t: T, f: EmsFigure) => {
  const key = `figure.${f.key}`;
  return key in emsFiguresMessages ? t(key as keyof typeof emsFiguresMessages) : f.label;
};
const shown = (t: T, f: { unit: EmsFigure['unit'] }, v: number | null) =>
  v === null ? '—' : f.unit === 'percent' ? `${v}%` : t('minutes', { v });
const byKey = (d: EmsFigures, key: string) => d.figures.find((f) => f.key === key);

/** A figure: its value against its target, numerator / denominator, and its definition on hover. */
function FigureCard({ f, t, selected, onSelect }: { f: EmsFigure; t: T; selected: boolean; onSelect: () => void }) {
  const tip = `${f.definition}. ${t('numerator')}: ${f.numeratorText}; ${t('denominator')}: ${f.denominatorText}. ${t('definitionFile')}: ${f.view}`;
  return (
    <Card
      size="small"
      hoverable
      onClick={onSelect}
      data-figure={f.key}
      style={selected ? { borderColor: '#1668dc' } : undefined}
      title={
        <Tooltip title={tip}>
          <span>{labelOf(t, f)}</span>
        </Tooltip>
      }
      extra={f.aim ? <Tag color={f.met === null ? 'default' : f.met ? 'green' : 'red'}>{f.aim.text}</Tag> : null}
    >
      <Statistic value={shown(t, f, f.value)} />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {f.numerator === null
          ? `${t('cases')} ${f.denominator}`
          : `${t('numerator')} ${f.numerator} / ${t('denominator')} ${f.denominator}`}
      </Typography.Text>
    </Card>
  );
}

/** a month line of one or more figures, with a flat target line */
function monthLines(
  months: string[],
  lines: Array<{ name: string; data: Array<number | null> }>,
  target: number | null,
  targetName: string,
  unit: string,
): ChartOption {
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 48, right: 16, top: 36, bottom: 28 },
    xAxis: { type: 'category', data: months },
    yAxis: { type: 'value', axisLabel: { formatter: `{value}${unit}` } },
    series: [
      ...lines.map((l) => ({ name: l.name, type: 'line' as const, connectNulls: true, data: l.data })),
      ...(target === null
        ? []
        : [
            {
              name: targetName,
              type: 'line' as const,
              symbol: 'none',
              lineStyle: { type: 'dashed' as const, color: '#cf1322' },
              itemStyle: { color: '#cf1322' },
              data: months.map(() => target),
            },
          ]),
    ],
  };
}

const bars = (labels: string[], name: string, data: Array<number | null>): ChartOption => ({
  tooltip: { trigger: 'axis' },
  grid: { left: 40, right: 16, top: 16, bottom: 28 },
  xAxis: { type: 'category', data: labels },
  yAxis: { type: 'value', minInterval: 1 },
  series: [{ name, type: 'bar', data }],
});

function Charts({ d, t }: { d: EmsFigures; t: T }) {
  const months = d.months;
  const monthValues = (key: string) => byKey(d, key)?.byMonth.map((m) => m.value) ?? months.map(() => null);
  const dido = byKey(d, 'dido_p50')?.byTownship ?? [];
  return (
    <Row gutter={[12, 12]}>
      <Col xs={24} lg={12}>
        <Card size="small" title={t('d2wTrend')}>
          <Chart
            label={t('d2wTrend')}
            height={260}
            option={monthLines(
              months,
              [{ name: t('figure.door_to_wire_p50'), data: monthValues('door_to_wire_p50') }],
              90,
              t('target'),
              '',
            )}
          />
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card size="small" title={t('ratesTrend')}>
          <Chart
            label={t('ratesTrend')}
            height={260}
            option={monthLines(
              months,
              [
                { name: t('figure.answer_10s'), data: monthValues('answer_10s') },
                { name: t('figure.departed_3min'), data: monthValues('departed_3min') },
              ],
              95,
              t('target'),
              '%',
            )}
          />
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card size="small" title={t('responseDistribution')}>
          <Chart
            label={t('responseDistribution')}
            height={260}
            option={bars(
              d.responseDistribution.map((b) => b.label),
              t('missions'),
              d.responseDistribution.map((b) => b.n),
            )}
          />
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card size="small" title={t('didoByTownship')}>
          {dido.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('noData')} />
          ) : (
            <Chart
              label={t('didoByTownship')}
              height={260}
              option={{
                tooltip: { trigger: 'axis' },
                legend: { top: 0 },
                grid: { left: 48, right: 16, top: 36, bottom: 28 },
                xAxis: { type: 'category', data: dido.map((x) => x.name), axisLabel: { interval: 0, rotate: 30 } },
                yAxis: { type: 'value', axisLabel: { formatter: `{value}` } },
                series: [
                  { name: t('figure.dido_p50'), type: 'bar', data: dido.map((x) => x.value) },
                  {
                    name: t('target'),
                    type: 'line',
                    symbol: 'none',
                    lineStyle: { type: 'dashed', color: '#cf1322' },
                    itemStyle: { color: '#cf1322' },
                    data: dido.map(() => 30),
                  },
                ],
              }}
            />
          )}
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card size="small" title={t('consentTrend')}>
          <Chart
            label={t('consentTrend')}
            height={260}
            option={monthLines(
              months,
              [{ name: t('figure.consent_p50'), data: monthValues('consent_p50') }],
              10,
              t('target'),
              '',
            )}
          />
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card size="small" title={t('consentDistribution')}>
          <Chart
            label={t('consentDistribution')}
            height={260}
            option={bars(
              d.consentDistribution.map((b) => b.label),
              t('missions'),
              d.consentDistribution.map((b) => b.n),
            )}
          />
        </Card>
      </Col>
    </Row>
  );
}

type Line = z.infer<typeof cell> & { key: string; name: string };

/** the selected figure by month, or by station, hospital or township where it has that breakdown */
function Breakdown({ f, t }: { f: EmsFigure; t: T }) {
  const views: View[] = ['byMonth', 'byStation', 'byDest', 'byTownship'];
  const available = views.filter((v) => v === 'byMonth' || f[v] !== null);
  const [picked, setPicked] = useState<View>('byMonth');
  const view = available.includes(picked) ? picked : 'byMonth';
  const rows: Line[] =
    view === 'byMonth'
      ? f.byMonth.map((m) => ({ ...m, key: m.month, name: m.month }))
      : (f[view] ?? []).map((p) => ({ ...p, key: String(p.id), name: p.name }));
  const head = { byMonth: 'month', byStation: 'station', byDest: 'dest', byTownship: 'township' } as const;
  return (
    <Card size="small" style={{ marginTop: 16 }} title={labelOf(t, f)}>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {`${f.definition}. ${t('numerator')}: ${f.numeratorText}; ${t('denominator')}: ${f.denominatorText}. ${f.view}`}
      </Typography.Paragraph>
      <Segmented
        style={{ marginBottom: 12 }}
        value={view}
        onChange={(v) => setPicked(v)}
        options={available.map((v) => ({ value: v, label: t(v) }))}
      />
      <Table<Line>
        size="small"
        rowKey="key"
        dataSource={rows}
        pagination={false}
        scroll={{ x: 480 }}
        locale={{ emptyText: t('noData') }}
        columns={[
          { title: t(head[view]), dataIndex: 'name', fixed: 'left' },
          ...(f.unit === 'percent'
            ? [{ title: t('numerator'), align: 'right' as const, render: (_: unknown, r: Line) => r.numerator ?? '—' }]
            : []),
          {
            title: f.unit === 'percent' ? t('denominator') : t('cases'),
            align: 'right',
            dataIndex: 'denominator',
          },
          { title: t('value'), align: 'right', render: (_, r) => shown(t, f, r.value) },
        ]}
      />
    </Card>
  );
}

/** 急救统计: 120 dispatch, chest-pain and stroke centre times and township DIDO against their targets, month by month. */
export function EmsFiguresPage() {
  const t = useT(emsFiguresMessages);
  const { message } = App.useApp();
  const [to, setTo] = useState(THIS_MONTH);
  const [from, setFrom] = useState(addMonths(THIS_MONTH, -11));
  const [selected, setSelected] = useState('door_to_wire_p50');
  const [exporting, setExporting] = useState(false);
  const q = { from, to };
  const figures = useQuery({
    queryKey: ['ems', 'figures', q],
    queryFn: () => apiGet('/api/ems/figures', emsFigures, q),
  });
  const d = figures.data;
  const f = d?.figures.find((x) => x.key === selected) ?? d?.figures[0];
  const download = async () => {
    setExporting(true);
    try {
      const name = await apiDownload('/api/ems/figures/export', q);
      void message.success(t('exported', { name }));
    } catch (err) {
      void message.error(errorMessage(err));
    } finally {
      setExporting(false);
    }
  };
  return (
    <Page
      title={t('title')}
      extra={
        <Space wrap>
          <Select
            aria-label={t('from')}
            style={{ width: 120 }}
            value={from}
            onChange={setFrom}
            options={MONTHS.filter((m) => m <= to).map((m) => ({ value: m, label: m }))}
          />
          <Select
            aria-label={t('to')}
            style={{ width: 120 }}
            value={to}
            onChange={setTo}
            options={MONTHS.filter((m) => m >= from).map((m) => ({ value: m, label: m }))}
          />
          <Button icon={<DownloadOutlined />} loading={exporting} disabled={!d} onClick={() => void download()}>
            {t('exportExcel')}
          </Button>
        </Space>
      }
    >
      {figures.isError ? <ErrorAlert error={figures.error} onRetry={() => void figures.refetch()} /> : null}
      {d ? (
        <Space orientation="vertical" style={{ width: '100%' }} size="middle">
          <Typography.Text type="secondary">{t('pickHint')}</Typography.Text>
          {GROUPS.map((g) => (
            <div key={g}>
              <Typography.Title level={5}>{t(`group.${g}`)}</Typography.Title>
              <Row gutter={[12, 12]}>
                {d.figures
                  .filter((x) => x.group === g)
                  .map((x) => (
                    <Col key={x.key} xs={24} sm={12} lg={8} xl={6}>
                      <FigureCard f={x} t={t} selected={x.key === f?.key} onSelect={() => setSelected(x.key)} />
                    </Col>
                  ))}
              </Row>
            </div>
          ))}
          {f ? <Breakdown key={f.key} f={f} t={t} /> : null}
          <Charts d={d} t={t} />
        </Space>
      ) : null}
    </Page>
  );
}
