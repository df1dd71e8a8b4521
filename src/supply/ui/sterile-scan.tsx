import { Alert, App, Button, Card, Input, InputNumber, Radio, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useOrgs } from '../../orgs/ui/orgs.api.ts';
import { useMayCall } from '../../web/current-user.ts';
import { errorMessage } from '../../web/error-alert.tsx';
import { formatDateTime } from '../../web/format.ts';
import { useT } from '../../web/i18n.ts';
import { DataList } from '../../web/kit/data-list.tsx';
import { useListParams } from '../../web/kit/list-params.ts';
import { PACK_STATUSES, useIssue, usePacks, useReturn, useUse, type Pack, type PackStatus } from './supply.api.ts';
import { supplyMessages } from './supply.i18n.ts';

export const PACK_COLOR: Record<PackStatus, string> = {
  in_cssd: 'blue',
  issued: 'cyan',
  used: 'green',
  returned: 'default',
  recalled: 'red',
  expired: 'orange',
};

/** 无菌包: every pack the caller may see, by status (expired is computed from the date). */
export function PacksList() {
  const t = useT(supplyMessages);
  const list = useListParams<{ status: PackStatus | undefined }>({ status: undefined });
  const { params } = list;
  const packs = usePacks(params);
  return (
    <DataList<Pack>
      rowKey={(p) => p.id}
      data={packs.data}
      loading={packs.isFetching && !packs.data}
      error={packs.isError ? packs.error : undefined}
      onRetry={() => void packs.refetch()}
      params={params}
      onPaging={list.setPaging}
      search={{ placeholder: t('searchPacks'), onSearch: (q) => list.setFilter({ q }), width: 160 }}
      filters={
        <Select
          style={{ width: 120 }}
          aria-label={t('status')}
          value={params.status ?? ''}
          onChange={(v: PackStatus | '') => list.setFilter({ status: v || undefined })}
          options={[{ value: '', label: t('allStatuses') }, ...PACK_STATUSES.map((s) => ({ value: s, label: t(s) }))]}
        />
      }
      exportTo={{ url: '/api/sterile/packs/export', query: params }}
      scrollX={1000}
      columns={[
        { key: 'code', title: t('code'), width: 140, mobile: 'title', render: (p) => p.code },
        {
          key: 'status',
          title: t('status'),
          width: 90,
          mobile: 'extra',
          render: (p) => <Tag color={PACK_COLOR[p.status]}>{t(p.status)}</Tag>,
        },
        { key: 'type', title: t('packType'), width: 130, render: (p) => p.typeName },
        {
          key: 'load',
          title: t('sterilizer'),
          width: 110,
          render: (p) => `${p.sterilizer} #${p.cycleNo} ${p.sterilisedOn}`,
        },
        { key: 'exp', title: t('expiresOn'), width: 110, sortKey: 'expiresOn', render: (p) => p.expiresOn },
        {
          key: 'org',
          title: t('issuedTo'),
          width: 160,
          render: (p) => (p.orgName ? `${p.orgName} ${p.ward ?? ''}` : '—'),
        },
        { key: 'patient', title: t('patient'), width: 90, render: (p) => p.residentName ?? '—' },
        { key: 'usedAt', title: t('usedAt'), width: 140, render: (p) => (p.usedAt ? formatDateTime(p.usedAt) : '—') },
      ]}
    />
  );
}

type Action = 'issue' | 'use' | 'return';

/** Scan (or type) barcodes, then issue them to an org, use one on a patient, or return one. */
export function ScanPanel() {
  const t = useT(supplyMessages);
  const { message } = App.useApp();
  const canIssue = useMayCall('POST /api/sterile/packs/issue');
  const canUse = useMayCall('POST /api/sterile/packs/use');
  const [action, setAction] = useState<Action>(canIssue ? 'issue' : 'use');
  const [codes, setCodes] = useState<string[]>([]);
  const [text, setText] = useState('');
  const [orgId, setOrgId] = useState<number | undefined>();
  const [ward, setWard] = useState('');
  const [residentId, setResidentId] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const orgs = useOrgs();
  const issue = useIssue();
  const use = useUse();
  const ret = useReturn();
  const busy = issue.isPending || use.isPending || ret.isPending;
  const scan = (raw: string) => {
    const code = raw.replace(/\s+/g, '').toUpperCase();
    setText('');
    if (!code) return;
    setError(null);
    setCodes((c) => (action === 'issue' ? (c.includes(code) ? c : [...c, code]) : [code]));
  };
  const run = async () => {
    setError(null);
    try {
      if (action === 'issue') await issue.mutateAsync({ codes, orgId: orgId ?? 0, ward: ward || undefined });
      else if (action === 'use') await use.mutateAsync({ code: codes[0] ?? '', residentId: residentId ?? 0 });
      else await ret.mutateAsync({ code: codes[0] ?? '' });
      void message.success(t('done'));
      setCodes([]);
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  const actions: Action[] = [
    ...(canIssue ? (['issue'] as const) : []),
    ...(canUse ? (['use', 'return'] as const) : []),
  ];
  return (
    <Card size="small" style={{ maxWidth: 560 }}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Radio.Group
          value={action}
          optionType="button"
          onChange={(e) => {
            setAction(e.target.value as Action);
            setCodes([]);
          }}
          options={actions.map((a) => ({ value: a, label: t(a) }))}
        />
        <Input
          autoFocus
          size="large"
          value={text}
          placeholder={t('scanPlaceholder')}
          aria-label={t('scanPlaceholder')}
          onChange={(e) => setText(e.target.value)}
          onPressEnter={() => scan(text)}
        />
        <Space wrap>
          {codes.map((c) => (
            <Tag key={c} closable onClose={() => setCodes((all) => all.filter((x) => x !== c))}>
              {c}
            </Tag>
          ))}
        </Space>
        {action === 'issue' ? (
          <>
            <Typography.Text type="secondary">{t('scanned', { n: codes.length })}</Typography.Text>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('issuedTo')}
              aria-label={t('issuedTo')}
              value={orgId}
              onChange={setOrgId}
              options={(orgs.data ?? [])
                .filter((o) => o.kind === 'township_center' || o.kind === 'county_hospital')
                .map((o) => ({ value: o.id, label: o.name }))}
            />
            <Input
              placeholder={t('ward')}
              aria-label={t('ward')}
              value={ward}
              maxLength={40}
              onChange={(e) => setWard(e.target.value)}
            />
          </>
        ) : null}
        {action === 'use' ? (
          <InputNumber
            style={{ width: '100%' }}
            min={1}
            placeholder={t('residentId')}
            aria-label={t('residentId')}
            value={residentId}
            onChange={(v) => setResidentId(v)}
          />
        ) : null}
        {error ? <Alert type="error" showIcon title={error} /> : null}
        <Space>
          <Button type="primary" loading={busy} disabled={codes.length === 0} onClick={() => void run()}>
            {t(action)}
          </Button>
          <Button onClick={() => setCodes([])}>{t('clear')}</Button>
        </Space>
      </Space>
    </Card>
  );
}
