import { Button, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import { useMayCall } from '../../web/current-user.ts';
import { formatMoney } from '../../web/format.ts';
import { useT } from '../../web/i18n.ts';
import { DataList } from '../../web/kit/data-list.tsx';
import { useListParams, useListQuery } from '../../web/kit/list-params.ts';
import { Page } from '../../web/page.tsx';
import { CLASSES, DRUG_KINDS, drugPage, LEVELS, type DrugRow } from './catalogue.api.ts';
import { classTag, DrugDrawer, ImportDialog } from './catalogue-dialogs.tsx';
import { DrugForm } from './catalogue-form.tsx';
import { catalogueMessages } from './catalogue.i18n.ts';

type Filters = {
  kind?: string;
  insuranceClass?: string;
  essential?: string;
  vbp?: string;
  level?: string;
  active?: string;
};

/** 药品目录: the county's one catalogue, searched by name, pinyin initials or 医保 code; details, price history, 调价 and import. */
export function CataloguePage() {
  const t = useT(catalogueMessages);
  const list = useListParams<Filters>({}, { inUrl: true });
  const rows = useListQuery(['pharmacy-catalogue'], '/api/pharmacy/catalogue', drugPage, list.params);
  const [openId, setOpenId] = useState<number | null>(null);
  const [importing, setImporting] = useState(false);
  const mayImport = useMayCall('POST /api/pharmacy/catalogue/import');
  const mayCreate = useMayCall('POST /api/pharmacy/catalogue');
  const [creating, setCreating] = useState(false);
  const { page: _p, pageSize: _s, sort: _o, ...exportQuery } = list.params;
  const yesNo = (key: 'essential' | 'vbp' | 'active', label: string, yes: string) => (
    <Select
      allowClear
      aria-label={label}
      placeholder={label}
      style={{ width: 110 }}
      value={list.params[key]}
      onChange={(v?: string) => list.setFilter({ [key]: v })}
      options={[
        { value: 'true', label: yes },
        { value: 'false', label: key === 'active' ? t('inactive') : t('no') },
      ]}
    />
  );
  return (
    <Page
      title={t('title')}
      extra={
        <Space wrap>
          {mayCreate ? (
            <Button type="primary" aria-label={t('create')} onClick={() => setCreating(true)}>
              {t('create')}
            </Button>
          ) : null}
          {mayImport ? (
            <Button aria-label={t('importTitle')} onClick={() => setImporting(true)}>
              {t('importTitle')}
            </Button>
          ) : null}
        </Space>
      }
    >
      <DataList<DrugRow>
        size="small"
        rowKey={(r) => r.id}
        data={rows.data}
        loading={rows.isFetching && !rows.data}
        error={rows.isError ? rows.error : undefined}
        onRetry={() => void rows.refetch()}
        params={list.params}
        onPaging={list.setPaging}
        scrollX={1300}
        search={{ placeholder: t('search'), onSearch: (q) => list.setFilter({ q }) }}
        exportTo={{ url: '/api/pharmacy/catalogue/export', query: exportQuery }}
        onRowClick={(r) => setOpenId(r.id)}
        rowProps={(r) => ({ 'data-drug': r.id, 'data-yb-code': r.ybCode })}
        filters={
          <Space wrap>
            <Select
              allowClear
              aria-label={t('kind')}
              placeholder={t('allKinds')}
              style={{ width: 130 }}
              value={list.params.kind}
              onChange={(v?: string) => list.setFilter({ kind: v })}
              options={DRUG_KINDS.map((k) => ({ value: k, label: t(`kind_${k}`) }))}
            />
            <Select
              allowClear
              aria-label={t('insuranceClass')}
              placeholder={t('allClasses')}
              style={{ width: 130 }}
              value={list.params.insuranceClass}
              onChange={(v?: string) => list.setFilter({ insuranceClass: v })}
              options={CLASSES.map((c) => ({ value: c, label: t(`class_${c}`) }))}
            />
            {yesNo('essential', t('essential'), t('onlyEssential'))}
            {yesNo('vbp', t('vbp'), t('onlyVbp'))}
            <Select
              allowClear
              aria-label={t('level')}
              placeholder={t('allLevels')}
              style={{ width: 110 }}
              value={list.params.level}
              onChange={(v?: string) => list.setFilter({ level: v })}
              options={LEVELS.map((l) => ({ value: l, label: t(`level_${l}`) }))}
            />
            {yesNo('active', t('status'), t('active'))}
          </Space>
        }
        columns={[
          {
            key: 'name',
            title: t('name'),
            width: 200,
            fixed: 'left',
            sortKey: 'name',
            mobile: 'title',
            render: (r) => (
              <span>
                {r.genericName}
                {r.brandName ? `（${r.brandName}）` : ''}
              </span>
            ),
          },
          { key: 'ybCode', title: t('ybCode'), width: 210, sortKey: 'ybCode', render: (r) => r.ybCode },
          { key: 'spec', title: t('spec'), width: 150, render: (r) => `${r.dosageForm} ${r.spec}` },
          {
            key: 'pack',
            title: t('pack'),
            width: 100,
            render: (r) => t('packText', { qty: r.packQty, min: r.minUnit, pack: r.packUnit }),
          },
          { key: 'manufacturer', title: t('manufacturer'), width: 200, render: (r) => r.manufacturer },
          { key: 'class', title: t('insuranceClass'), width: 140, render: (r) => classTag(r, t) },
          {
            key: 'flags',
            title: t('flags'),
            width: 110,
            render: (r) => (
              <Space size={2}>
                {r.essential ? <Tag color="cyan">{t('essential')}</Tag> : null}
                {r.vbp ? <Tag color="purple">{t('vbp')}</Tag> : null}
                {r.active ? null : <Tag>{t('inactive')}</Tag>}
              </Space>
            ),
          },
          {
            key: 'levels',
            title: t('level'),
            width: 90,
            render: (r) => r.levels.map((l) => t(`level_${l}`)).join('/'),
          },
          {
            key: 'price',
            title: t('price'),
            width: 110,
            align: 'right',
            mobile: 'extra',
            render: (r) => (r.priceFen === null ? t('noPrice') : `${formatMoney(r.priceFen)}/${r.packUnit}`),
          },
        ]}
      />
      <DrugDrawer id={openId} onClose={() => setOpenId(null)} />
      <ImportDialog open={importing} onClose={() => setImporting(false)} />
      <DrugForm open={creating} item={null} onClose={() => setCreating(false)} />
    </Page>
  );
}
