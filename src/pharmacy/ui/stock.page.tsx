import { Badge, Drawer, Select, Space, Tabs, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useOrgs } from '../../orgs/ui/orgs.api.ts';
import { useCurrentUser, useMayCall } from '../../web/current-user.ts';
import { formatDateTime, formatMoney } from '../../web/format.ts';
import { useT } from '../../web/i18n.ts';
import { DataList } from '../../web/kit/data-list.tsx';
import { useListParams, useListQuery } from '../../web/kit/list-params.ts';
import { Page } from '../../web/page.tsx';
import { usePharmacyLive } from './live.ts';
import { movePage, PHARMACY_KEY, stockPage, type MoveRow, type StockRow } from './stock.api.ts';
import { stockMessages } from './stock.i18n.ts';
import { StocktakePanel } from './stocktake-panel.tsx';

type Filters = { view?: string; orgId?: string };
const VIEWS = ['available', 'near_expiry', 'expired', 'blocked', 'empty', 'all'] as const;
const VIEW_KEY = {
  available: 'viewAvailable',
  near_expiry: 'viewNear',
  expired: 'viewExpired',
  blocked: 'viewBlocked',
  empty: 'viewEmpty',
  all: 'viewAll',
} as const;

/** 库存管理: stock by org, item and batch, near-expiry and expired lists, the ledger, stock-take. */
export function StockPage() {
  const t = useT(stockMessages);
  const canTake = useMayCall('POST /api/pharmacy/stocktakes');
  const live = usePharmacyLive();
  return (
    <Page
      title={
        <Space>
          {t('stockTitle')}
          <Badge status={live ? 'success' : 'default'} text={live ? t('live') : ''} />
        </Space>
      }
    >
      <Tabs
        items={[
          { key: 'stock', label: t('tabStock'), children: <StockList /> },
          ...(canTake ? [{ key: 'take', label: t('tabStocktake'), children: <StocktakePanel /> }] : []),
        ]}
      />
    </Page>
  );
}

function StockList() {
  const t = useT(stockMessages);
  const me = useCurrentUser();
  const list = useListParams<Filters>({ view: 'available' }, { inUrl: true });
  const stock = useListQuery([...PHARMACY_KEY, 'stock'], '/api/pharmacy/stock', stockPage, list.params);
  const orgs = useOrgs();
  const [batch, setBatch] = useState<StockRow | null>(null);
  const choices = useMemo(
    () =>
      (orgs.data ?? []).filter(
        (o) =>
          o.id === me.org.id ||
          o.parentId === me.org.id ||
          me.org.kind === 'county' ||
          me.org.kind === 'county_hospital',
      ),
    [orgs.data, me],
  );
  const { page: _p, pageSize: _s, ...exportQuery } = list.params;
  const counts = stock.data?.counts;
  return (
    <>
      <DataList<StockRow>
        size="small"
        rowKey={(r) => r.id}
        data={stock.data}
        loading={stock.isFetching && !stock.data}
        error={stock.isError ? stock.error : undefined}
        onRetry={() => void stock.refetch()}
        params={list.params}
        onPaging={list.setPaging}
        onRowClick={setBatch}
        rowProps={(r) => ({ 'data-batch': r.batchNo })}
        search={{ placeholder: t('search'), onSearch: (q) => list.setFilter({ q }), width: 240 }}
        exportTo={{ url: '/api/pharmacy/stock/export', query: exportQuery }}
        summary={
          counts ? (
            <Space size={4} wrap>
              <Tag color="orange">{t('nearCount', { n: counts.near })}</Tag>
              <Tag color="red">{t('expiredCount', { n: counts.expired })}</Tag>
              <Tag color="purple">{t('blockedCount', { n: counts.blocked })}</Tag>
            </Space>
          ) : null
        }
        filters={
          <>
            <Select
              aria-label={t('status')}
              style={{ width: 110 }}
              value={list.params.view ?? 'available'}
              onChange={(view: string) => list.setFilter({ view })}
              options={VIEWS.map((v) => ({ value: v, label: t(VIEW_KEY[v]) }))}
            />
            {choices.length > 1 ? (
              <Select
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                aria-label={t('org')}
                placeholder={t('org')}
                style={{ width: 200 }}
                value={list.params.orgId}
                onChange={(orgId?: string) => list.setFilter({ orgId })}
                options={choices.map((o) => ({ value: String(o.id), label: o.name }))}
              />
            ) : null}
          </>
        }
        columns={[
          {
            key: 'drug',
            title: t('drug'),
            mobile: 'title',
            sortKey: 'drug',
            render: (r) => (
              <Space size={4} wrap>
                <strong>{r.drugName}</strong>
                <Typography.Text type="secondary">{r.spec}</Typography.Text>
                {r.essential ? <Tag color="green">{t('essential')}</Tag> : null}
                {r.vbp ? <Tag color="blue">{t('vbp')}</Tag> : null}
              </Space>
            ),
          },
          { key: 'org', title: t('org'), width: 160, render: (r) => r.orgName },
          { key: 'batch', title: t('batchNo'), width: 110, render: (r) => r.batchNo },
          {
            key: 'expiry',
            title: t('expiry'),
            width: 150,
            sortKey: 'expiry_date',
            render: (r) => (
              <Space size={4}>
                {r.expiryDate}
                {r.expiryState === 'expired' ? (
                  <Tag color="red">{t('expiredTag')}</Tag>
                ) : r.expiryState === 'near_expiry' ? (
                  <Tag color="orange">{t('daysLeft', { n: r.daysLeft })}</Tag>
                ) : null}
              </Space>
            ),
          },
          { key: 'onHand', title: t('onHand'), width: 80, align: 'right', render: (r) => `${r.onHand}${r.minUnit}` },
          {
            key: 'blocked',
            title: t('blocked'),
            width: 80,
            align: 'right',
            render: (r) => (r.blocked ? <Tag color="purple">{`${r.blocked}${r.minUnit}`}</Tag> : '—'),
          },
          {
            key: 'available',
            title: t('available'),
            width: 90,
            align: 'right',
            sortKey: 'available',
            mobile: 'extra',
            render: (r) => <strong>{`${r.available}${r.minUnit}`}</strong>,
          },
          { key: 'value', title: t('value'), width: 100, align: 'right', render: (r) => formatMoney(r.valueFen) },
        ]}
      />
      <Drawer
        open={batch !== null}
        onClose={() => setBatch(null)}
        title={batch ? `${batch.drugName} · ${batch.batchNo} · ${batch.orgName}` : ''}
        size="large"
      >
        {batch ? <Ledger batchId={batch.id} /> : null}
      </Drawer>
    </>
  );
}

function Ledger({ batchId }: { batchId: number }) {
  const t = useT(stockMessages);
  const list = useListParams<Record<string, never>>({});
  const moves = useListQuery([...PHARMACY_KEY, 'moves', batchId], '/api/pharmacy/stock/moves', movePage, {
    ...list.params,
    batchId,
  });
  return (
    <DataList<MoveRow>
      size="small"
      title={t('ledger')}
      rowKey={(m) => m.id}
      data={moves.data}
      loading={moves.isFetching && !moves.data}
      params={list.params}
      onPaging={list.setPaging}
      columns={[
        { key: 'at', title: t('time'), width: 150, mobile: 'title', render: (m) => formatDateTime(m.at) },
        {
          key: 'kind',
          title: t('kind'),
          width: 100,
          render: (m) => t(`move_${m.kind}` as Parameters<typeof t>[0]),
        },
        {
          key: 'qty',
          title: t('qty'),
          width: 80,
          align: 'right',
          mobile: 'extra',
          render: (m) => `${m.qty}${m.minUnit}`,
        },
        { key: 'staff', title: t('staff'), width: 90, render: (m) => m.staffName ?? '—' },
        { key: 'note', title: t('note'), render: (m) => m.note ?? '' },
      ]}
    />
  );
}
