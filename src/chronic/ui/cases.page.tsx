import { PlusOutlined } from '@ant-design/icons';

import { Button, Select, Space, Tag } from 'antd';
import { useMemo, useState } from 'react';

import { useCurrentUser, useMayCall } from '../../web/current-user.ts';

import { useLang, useT } from '../../web/i18n.ts';

import { DataList } from '../../web/kit/data-list.tsx';

import { useListParams, useListQuery } from '../../web/kit/list-params.ts';
import { Page } from '../../web/page.tsx';

import { useOrgs } from '../../orgs/ui/orgs.api.ts';
import { CHRONIC_KEY, casePage, type CaseRow } from './chronic.api.ts';
import { chronicMessages, CLASS, DISEASE, DUE, label, options, SEX, STATE } from './chronic.i18n.ts';

import { CaseDrawer, classTag } from './case-drawer.tsx';
import { NewCaseModal } from './case-modals.tsx';
export { ResidentSelect } from './case-modals.tsx';

type Filters = {
  disease?: string;
  state?: string;
  due?: string;
  lastClass?: string;
  orgId?: string;
  gridId?: string;
};

export function ChronicCasesPage() {
  const t = useT(chronicMessages);
  const lang = useLang();
  const me = useCurrentUser();
  const canCreate = useMayCall('POST /api/chronic/cases');
  const canExport = useMayCall('GET /api/chronic/cases/export');
  const list = useListParams<Filters>({}, { inUrl: true });
  const cases = useListQuery([...CHRONIC_KEY, 'cases'], '/api/chronic/cases', casePage, list.params);
  const orgs = useOrgs();
  const [open, setOpen] = useState<number | null>(null);
  const [creating, setCreating] = useState(false);
  const villages = useMemo(
    () =>
      (orgs.data ?? []).filter(
        (o) =>
          o.kind === 'village_clinic' && (me.roles.includes('admin') || o.id === me.org.id || o.parentId === me.org.id),
      ),
    [orgs.data, me],
  );
  const { page: _p, pageSize: _s, ...exportQuery } = list.params;
  const select = (key: keyof Filters, placeholder: string, opts: Array<{ value: string; label: string }>, w = 120) => (
    <Select
      allowClear
      placeholder={placeholder}
      aria-label={placeholder}
      style={{ width: w }}
      value={list.params[key]}
      onChange={(v?: string) => list.setFilter({ [key]: v })}
      options={opts}
    />
  );
  return (
    <Page
      title={t('casesTitle')}
      extra={
        canCreate ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('newCase')}
          </Button>
        ) : null
      }
    >
      <DataList<CaseRow>
        size="small"
        rowKey={(c) => c.id}
        data={cases.data}
        loading={cases.isFetching && !cases.data}
        error={cases.isError ? cases.error : undefined}
        onRetry={() => void cases.refetch()}
        params={list.params}
        onPaging={list.setPaging}
        onRowClick={(c) => setOpen(c.id)}
        rowProps={(c) => ({ 'data-case-id': c.id })}
        search={{ placeholder: t('search'), onSearch: (q) => list.setFilter({ q }) }}
        exportTo={canExport ? { url: '/api/chronic/cases/export', query: exportQuery } : null}
        filters={
          <>
            {select('disease', t('disease'), options(DISEASE, lang))}
            {select('state', t('state'), options(STATE, lang))}
            {select('due', t('due'), options(DUE, lang))}
            {select('lastClass', t('lastClass'), options(CLASS, lang), 140)}
            {villages.length > 1
              ? select(
                  'orgId',
                  t('village'),
                  villages.map((v) => ({ value: String(v.id), label: v.name })),
                  180,
                )
              : null}
          </>
        }
        columns={[
          {
            key: 'name',
            title: t('name'),
            mobile: 'title',
            sortKey: 'name',
            width: 100,
            render: (c) => <strong>{c.residentName}</strong>,
          },
          {
            key: 'sexAge',
            title: t('sexAge'),
            width: 90,
            render: (c) => `${label(SEX, c.sex, lang)} · ${t('years', { n: c.age })}`,
          },
          {
            key: 'disease',
            title: t('disease'),
            width: 90,
            mobile: 'extra',
            render: (c) => (
              <Tag color={c.disease === 'htn' ? 'volcano' : 'blue'}>{label(DISEASE, c.disease, lang)}</Tag>
            ),
          },
          { key: 'state', title: t('state'), width: 100, render: (c) => label(STATE, c.state, lang) },
          { key: 'org', title: t('village'), width: 150, mobile: 'hide', render: (c) => c.orgName },
          { key: 'grid', title: t('grid'), width: 110, mobile: 'hide', render: (c) => c.gridName ?? '—' },
          {
            key: 'last',
            title: t('lastFollowup'),
            width: 110,
            sortKey: 'lastFollowup',
            render: (c) => c.lastFollowupOn ?? '—',
          },
          { key: 'bp', title: t('lastBp'), width: 90, render: (c) => c.lastBp ?? '—' },
          { key: 'class', title: t('lastClass'), width: 120, render: (c) => classTag(c.lastClass, lang) },
          {
            key: 'due',
            title: t('nextDue'),
            width: 150,
            sortKey: 'nextDue',
            render: (c) => (
              <Space size={4}>
                {c.nextDue ?? '—'}
                {c.overdueDays ? <Tag color="red">{t('daysN', { n: c.overdueDays })}</Tag> : null}
              </Space>
            ),
          },
        ]}
        scrollX={1100}
      />
      {open !== null ? <CaseDrawer id={open} onClose={() => setOpen(null)} /> : null}
      {creating ? (
        <NewCaseModal
          onClose={() => setCreating(false)}
          onDone={(id) => {
            setCreating(false);
            setOpen(id);
          }}
        />
      ) : null}
    </Page>
  );
}
