import { Button, Card, Col, Row, Space, Statistic, Table, Tooltip, Typography } from 'antd';
import { type ReactNode } from 'react';

import { formatCount } from '../../web/format.ts';
import { useT } from '../../web/i18n.ts';
import { type ChartOption } from '../../web/kit/chart.tsx';

import { POPULATIONS, type AreaRow, type Cells, type Dashboard, type Figure, type Ratio } from './figures.api.ts';
import { chronicFiguresMessages } from './figures.i18n.ts';
import { type T, type Level, type Disease, POP_LABEL, rate, type Cell } from './figures-shared.ts';

/** The figures' cards, charts, area table and the named list a number opens. */
/** a number that opens its named list, or plain text where there is none (or for the bureau) */
export function Num({ n, onOpen, testId }: { n: number; onOpen?: () => void; testId?: string }) {
  if (!onOpen) return <span data-testid={testId}>{formatCount(n)}</span>;
  return (
    <Button
      type="link"
      size="small"
      data-testid={testId}
      style={{ padding: 0, height: 'auto' }}
      onClick={(e) => {
        e.stopPropagation();
        onOpen();
      }}
    >
      {formatCount(n)}
    </Button>
  );
}

export function KpiCard({
  label,
  definition,
  r,
  extra,
  onNum,
  onDen,
  testId,
  denNote,
  badge,
}: {
  label: string;
  definition: string;
  r: Ratio;
  extra?: ReactNode;
  onNum?: () => void;
  onDen?: () => void;
  testId?: string;
  denNote?: string;
  badge?: string;
}) {
  const t = useT(chronicFiguresMessages);
  return (
    <Card
      size="small"
      data-figure={testId}
      extra={
        badge ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {badge}
          </Typography.Text>
        ) : null
      }
      title={
        <Tooltip title={definition}>
          <span style={{ borderBottom: '1px dashed #999', cursor: 'help' }}>{label}</span>
        </Tooltip>
      }
    >
      <Statistic value={rate(r)} styles={{ content: { fontSize: 22 } }} />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('numerator')} <Num n={r.numerator} onOpen={onNum} testId={testId ? `${testId}-num` : undefined} /> /{' '}
        {t('denominator')} <Num n={r.denominator} onOpen={onDen} testId={testId ? `${testId}-den` : undefined} />
        {denNote ? `（${denNote}）` : ''}
      </Typography.Text>
      {extra ? <div style={{ fontSize: 12, marginTop: 2 }}>{extra}</div> : null}
    </Card>
  );
}

/** 签约与慢病指标: county KPIs with numerators and denominators, bars and a table by area, named lists behind each number. */
export type Opener = (c: Omit<Cell, 'title'>, title: string) => (() => void) | undefined;

export function Kpis({ d, t, open, orgId }: { d: Dashboard; t: T; open: Opener; orgId?: number }) {
  const c = d.total;
  const def = (k: string) => d.definitions[k] ?? '';
  const disease = (dz: Disease) => {
    const x = c[dz];
    const name = t(dz);
    const f = (figure: Figure, part: 'numerator' | 'denominator', label: string) =>
      open({ figure, disease: dz, part, orgId }, `${name} · ${label}`);
    return (
      <Card size="small" title={name} style={{ marginTop: 12 }} data-disease={dz}>
        <Row gutter={[12, 12]}>
          <Col xs={24} sm={12} lg={6}>
            <KpiCard
              label={t('managed')}
              definition={def('managed')}
              r={x.management}
              onNum={f('managed', 'numerator', t('managed'))}
              denNote={t('estimated')}
              testId={`${dz}-managed`}
            />
          </Col>
          <Col xs={24} sm={12} lg={6}>
            <KpiCard
              label={t('standard')}
              definition={d.caliberLabel}
              r={x.standard}
              onNum={f('standard', 'numerator', t('standard'))}
              onDen={f('standard', 'denominator', t('standard'))}
              testId={`${dz}-standard`}
            />
          </Col>
          <Col xs={24} sm={12} lg={6}>
            <KpiCard
              label={t('controlled')}
              definition={def('controlled')}
              r={x.controlled}
              onNum={f('controlled', 'numerator', t('controlled'))}
              onDen={f('controlled', 'denominator', t('controlled'))}
              testId={`${dz}-controlled`}
            />
          </Col>
          <Col xs={24} sm={12} lg={6}>
            <Card
              size="small"
              title={<Tooltip title={def('simple')}>{t('simpleView')}</Tooltip>}
              style={{ background: '#fafafa' }}
            >
              <div>
                {t('simpleControlled')}：<b>{rate(x.simpleControlled)}</b>
              </div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                <Num
                  n={x.simpleControlled.numerator}
                  onOpen={f('simple_controlled', 'numerator', t('simpleControlled'))}
                />{' '}
                /{' '}
                <Num
                  n={x.simpleControlled.denominator}
                  onOpen={f('simple_controlled', 'denominator', t('simpleControlled'))}
                />
              </Typography.Text>
              <div style={{ marginTop: 4 }}>
                {t('simpleLost')}：<b>{rate(x.simpleLost)}</b>
              </div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                <Num n={x.simpleLost.numerator} onOpen={f('simple_lost', 'numerator', t('simpleLost'))} /> /{' '}
                <Num n={x.simpleLost.denominator} onOpen={f('simple_lost', 'denominator', t('simpleLost'))} />
              </Typography.Text>
            </Card>
          </Col>
        </Row>
      </Card>
    );
  };
  return (
    <>
      <Row gutter={[12, 12]}>
        {POPULATIONS.map((p) => (
          <Col key={p} xs={12} sm={8} lg={4}>
            <KpiCard
              label={p === 'all' ? t('signed') : t(POP_LABEL[p])}
              badge={p === 'all' ? undefined : t('signed')}
              definition={def('signed')}
              r={c.signed[p] ?? { numerator: 0, denominator: 0, rate: null }}
              testId={`signed-${p}`}
              onNum={
                p === 'all'
                  ? open({ figure: 'signed', disease: 'htn', part: 'numerator', orgId }, t('signed'))
                  : undefined
              }
              onDen={
                p === 'all'
                  ? open({ figure: 'signed', disease: 'htn', part: 'denominator', orgId }, t('signed'))
                  : undefined
              }
            />
          </Col>
        ))}
        <Col xs={12} sm={8} lg={6}>
          <KpiCard
            label={t('renewed')}
            definition={def('renewed')}
            r={c.renewed}
            testId="renewed"
            onNum={open({ figure: 'renewed', disease: 'htn', part: 'numerator', orgId }, t('renewed'))}
            onDen={open({ figure: 'renewed', disease: 'htn', part: 'denominator', orgId }, t('renewed'))}
          />
        </Col>
        <Col xs={12} sm={8} lg={6}>
          <KpiCard
            label={t('fulfilment')}
            definition={`${def('fulfilment')}；${d.fulfilmentState}`}
            r={c.fulfilment}
            testId="fulfilment"
            extra={t('fulfilmentMean', { v: c.fulfilmentMean === null ? '—' : `${c.fulfilmentMean}%` })}
            onNum={open({ figure: 'fulfilment', disease: 'htn', part: 'numerator', orgId }, t('fulfilment'))}
          />
        </Col>
      </Row>
      {disease('htn')}
      {disease('t2dm')}
    </>
  );
}

export function barSigned(d: Dashboard, t: T): ChartOption {
  return {
    tooltip: { trigger: 'axis' },
    grid: { left: 40, right: 12, top: 16, bottom: 64 },
    xAxis: { type: 'category', data: d.items.map((i) => i.name), axisLabel: { rotate: 30, fontSize: 11 } },
    yAxis: { type: 'value', max: 100 },
    series: [{ name: t('signed'), type: 'bar', data: d.items.map((i) => i.signed.all?.rate ?? 0) }],
  };
}
export function barControl(d: Dashboard, t: T): ChartOption {
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 40, right: 12, top: 30, bottom: 64 },
    xAxis: { type: 'category', data: d.items.map((i) => i.name), axisLabel: { rotate: 30, fontSize: 11 } },
    yAxis: { type: 'value', max: 100 },
    series: [
      { name: t('htn'), type: 'bar', data: d.items.map((i) => i.htn.controlled.rate ?? 0) },
      { name: t('t2dm'), type: 'bar', data: d.items.map((i) => i.t2dm.controlled.rate ?? 0) },
    ],
  };
}

export function AreaTable({
  d,
  t,
  open,
  level,
  mobile,
}: {
  d: Dashboard;
  t: T;
  open: Opener;
  level: Level;
  mobile: boolean;
}) {
  // a grid has no org of its own: its lists are not asked for by grid
  const orgOf = (r: AreaRow) => (r.key.startsWith('org:') ? r.id : r.key.startsWith('county:') ? undefined : null);
  const cellOf = (
    r: AreaRow,
    ratioOf: (c: Cells) => Ratio,
    figure: Figure | null,
    dz: Disease,
    label: string,
    noDen = false,
  ) => {
    const x = ratioOf(r);
    const o = orgOf(r);
    const opener = (part: 'numerator' | 'denominator') =>
      figure && o !== null && !(noDen && part === 'denominator')
        ? open({ figure, disease: dz, part, orgId: o }, `${r.name} · ${label}`)
        : undefined;
    return (
      <span style={{ whiteSpace: 'nowrap' }}>
        <b>{rate(x)}</b>{' '}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          <Num n={x.numerator} onOpen={opener('numerator')} />/<Num n={x.denominator} onOpen={opener('denominator')} />
        </Typography.Text>
      </span>
    );
  };
  const cols: Array<{ key: string; title: string; render: (r: AreaRow) => ReactNode }> = [
    {
      key: 'signed',
      title: t('signed'),
      render: (r) =>
        cellOf(r, (c) => c.signed.all ?? { numerator: 0, denominator: 0, rate: null }, 'signed', 'htn', t('signed')),
    },
    { key: 'renewed', title: t('renewed'), render: (r) => cellOf(r, (c) => c.renewed, 'renewed', 'htn', t('renewed')) },
    {
      key: 'ful',
      title: t('fulfilment'),
      render: (r) => cellOf(r, (c) => c.fulfilment, 'fulfilment', 'htn', t('fulfilment'), true),
    },
    ...(['htn', 't2dm'] as const).flatMap((dz) => [
      {
        key: `${dz}-m`,
        title: `${t(dz)}${t('managed')}`,
        render: (r: AreaRow) => cellOf(r, (c) => c[dz].management, 'managed', dz, t('managed'), true),
      },
      {
        key: `${dz}-s`,
        title: `${t(dz)}${t('standard')}`,
        render: (r: AreaRow) => cellOf(r, (c) => c[dz].standard, 'standard', dz, t('standard')),
      },
      {
        key: `${dz}-c`,
        title: `${t(dz)}${t('controlled')}`,
        render: (r: AreaRow) => cellOf(r, (c) => c[dz].controlled, 'controlled', dz, t('controlled')),
      },
      {
        key: `${dz}-sc`,
        title: `${t(dz)}${t('simpleControlled')}`,
        render: (r: AreaRow) =>
          cellOf(r, (c) => c[dz].simpleControlled, 'simple_controlled', dz, t('simpleControlled')),
      },
      {
        key: `${dz}-sl`,
        title: `${t(dz)}${t('simpleLost')}`,
        render: (r: AreaRow) => cellOf(r, (c) => c[dz].simpleLost, 'simple_lost', dz, t('simpleLost')),
      },
    ]),
  ];
  if (mobile)
    return (
      <Space orientation="vertical" style={{ width: '100%' }}>
        {d.items.length === 0 ? <Typography.Text type="secondary">{t('noData')}</Typography.Text> : null}
        {d.items.map((r) => (
          <Card key={r.key} size="small" title={r.name} data-area={r.name}>
            {cols.map((c) => (
              <div key={c.key} style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
                <Typography.Text type="secondary">{c.title}</Typography.Text>
                {c.render(r)}
              </div>
            ))}
          </Card>
        ))}
      </Space>
    );
  return (
    <Table<AreaRow>
      size="small"
      rowKey="key"
      dataSource={d.items}
      pagination={false}
      scroll={{ x: 1900 }}
      locale={{ emptyText: t('noData') }}
      columns={[
        { title: t(level), dataIndex: 'name', fixed: 'left', width: 140 },
        ...cols.map((c) => ({ key: c.key, title: c.title, render: (_: unknown, r: AreaRow) => c.render(r) })),
      ]}
    />
  );
}
