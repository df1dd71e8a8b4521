import { useQuery } from '@tanstack/react-query';
import { Card, Col, InputNumber, Row, Space, Statistic, Table, Typography } from 'antd';
import { useState } from 'react';
import { apiGet } from '../../web/api.ts';
import { formatMoney } from '../../web/format.ts';
import { useT } from '../../web/i18n.ts';
import { Chart } from '../../web/kit/chart.tsx';
import { ErrorAlert } from '../../web/error-alert.tsx';
import { Page } from '../../web/page.tsx';
import { drugFigures, PHARMACY_KEY } from './stock.api.ts';
import { stockMessages } from './stock.i18n.ts';

const pct = (num: number, den: number) => (den > 0 ? Math.round((num / den) * 1000) / 10 : null);
const pctText = (v: number | null) => (v === null ? '—' : `${v}%`);

/** 药事指标: 基药 and 集采 shares, 药占比, near-expiry value, turnover, stock-outs, trace alerts, shortages. */
export function DrugFiguresPage() {
  const t = useT(stockMessages);
  const [year, setYear] = useState(() => Number(new Date().toISOString().slice(0, 4)));
  const f = useQuery({
    queryKey: [...PHARMACY_KEY, 'figures', year],
    queryFn: () => apiGet('/api/pharmacy/figures', drugFigures, { year }),
  });
  const d = f.data;
  const top = (d?.byOrg ?? []).filter((o) => o.amountFen > 0).slice(0, 15);
  return (
    <Page
      title={t('figuresTitle')}
      extra={
        <InputNumber
          aria-label={t('year')}
          min={2000}
          max={2100}
          value={year}
          onChange={(v) => v && setYear(v)}
          prefix={t('year')}
        />
      }
    >
      {f.error ? <ErrorAlert error={f.error} /> : null}
      {d ? (
        <Space orientation="vertical" style={{ width: '100%' }} size="middle">
          <Row gutter={[12, 12]}>
            {[
              ['essentialShare', pctText(pct(d.county.essentialFen, d.county.amountFen))],
              ['vbpShare', pctText(pct(d.county.vbpFen, d.county.amountFen))],
              ['amount', formatMoney(d.county.amountFen)],
              ['nearValue', formatMoney(d.county.nearExpiryFen)],
              ['duplicateScans', String(d.county.duplicateScans)],
            ].map(([k, v]) => (
              <Col key={k} xs={12} sm={8} md={4}>
                <Card size="small">
                  <Statistic title={t(k as 'amount')} value={v} />
                </Card>
              </Col>
            ))}
          </Row>
          <Row gutter={[12, 12]}>
            <Col xs={24} lg={12}>
              <Card size="small" title={t('monthlyShare')}>
                <Chart
                  label={t('monthlyShare')}
                  height={280}
                  option={{
                    tooltip: { trigger: 'axis' },
                    legend: { top: 0 },
                    grid: { left: 40, right: 16, top: 32, bottom: 28 },
                    xAxis: { type: 'category', data: d.monthly.map((m) => m.month.slice(5)) },
                    yAxis: { type: 'value', axisLabel: { formatter: '{value}%' } },
                    series: [
                      {
                        name: t('essentialShare'),
                        type: 'line',
                        data: d.monthly.map((m) => pct(m.essentialFen, m.amountFen)),
                      },
                      { name: t('vbpShare'), type: 'line', data: d.monthly.map((m) => pct(m.vbpFen, m.amountFen)) },
                      {
                        name: t('drugShare'),
                        type: 'line',
                        data: d.monthly.map((m) => (m.drugShare === null ? null : Math.round(m.drugShare * 1000) / 10)),
                      },
                    ],
                  }}
                />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card size="small" title={t('byOrgShare')}>
                <Chart
                  label={t('byOrgShare')}
                  height={280}
                  option={{
                    tooltip: { trigger: 'axis' },
                    grid: { left: 110, right: 16, top: 8, bottom: 24 },
                    xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
                    yAxis: {
                      type: 'category',
                      data: top.map((o) => o.orgName),
                      axisLabel: { width: 100, overflow: 'truncate' },
                    },
                    series: [
                      {
                        name: t('essentialShare'),
                        type: 'bar',
                        data: top.map((o) => pct(o.essentialFen, o.amountFen)),
                      },
                    ],
                  }}
                />
              </Card>
            </Col>
          </Row>
          <Table
            size="small"
            rowKey="orgId"
            scroll={{ x: 1100 }}
            dataSource={d.byOrg}
            pagination={{ pageSize: 20, showSizeChanger: false }}
            columns={[
              { key: 'org', title: t('org'), dataIndex: 'orgName', fixed: 'left', width: 160 },
              {
                key: 'amount',
                title: t('amount'),
                width: 110,
                align: 'right',
                render: (_, o) => formatMoney(o.amountFen),
              },
              {
                key: 'ess',
                title: t('essentialShare'),
                width: 100,
                align: 'right',
                render: (_, o) => pctText(pct(o.essentialFen, o.amountFen)),
              },
              {
                key: 'essi',
                title: t('essentialItems'),
                width: 100,
                align: 'right',
                render: (_, o) => pctText(pct(o.essentialItems, o.items)),
              },
              {
                key: 'vbp',
                title: t('vbpShare'),
                width: 100,
                align: 'right',
                render: (_, o) => pctText(pct(o.vbpFen, o.amountFen)),
              },
              {
                key: 'near',
                title: t('nearValue'),
                width: 110,
                align: 'right',
                render: (_, o) => formatMoney(o.nearExpiryFen),
              },
              { key: 'turn', title: t('turnover'), width: 90, align: 'right', render: (_, o) => o.turnoverDays ?? '—' },
              { key: 'dup', title: t('duplicateScans'), width: 110, align: 'right', dataIndex: 'duplicateScans' },
              {
                key: 'hours',
                title: t('collectionHours'),
                width: 150,
                align: 'right',
                render: (_, o) => o.meanCollectionHours ?? '—',
              },
              { key: 'noshow', title: t('noShowN'), width: 80, align: 'right', dataIndex: 'noShow' },
            ]}
          />
          <Card size="small" title={t('stockouts')}>
            <Table
              size="small"
              rowKey={(r) => `${r.orgId}-${r.drugName}`}
              dataSource={d.stockouts}
              pagination={{ pageSize: 10, showSizeChanger: false }}
              columns={[
                { key: 'org', title: t('org'), dataIndex: 'orgName' },
                { key: 'drug', title: t('drug'), dataIndex: 'drugName' },
                { key: 'days', title: t('days'), dataIndex: 'stockoutDays', align: 'right' },
              ]}
            />
          </Card>
          <Card size="small" title={t('definitions')}>
            {Object.entries(d.definitions).map(([k, v]) => (
              <Typography.Paragraph key={k} type="secondary" style={{ marginBottom: 4 }}>
                {v}
              </Typography.Paragraph>
            ))}
          </Card>
        </Space>
      ) : null}
    </Page>
  );
}
