import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, AutoComplete, Button, DatePicker, Input, Select, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import type { z } from 'zod';
import { isRole } from '../../platform/roles.ts';
import { errorMessage } from '../../web/error-alert.tsx';
import { useMayCall } from '../../web/current-user.ts';
import { formatDateTime } from '../../web/format.ts';
import { DataList } from '../../web/kit/data-list.tsx';
import { useListParams } from '../../web/kit/list-params.ts';
import { common, roleLabel, useLang, useT, type Lang } from '../../web/i18n.ts';
import { Page } from '../../web/page.tsx';
import type { auditRow } from '../audit.schema.ts';
import { useAuditLog, useAuditVerify, type AuditFilters } from './audit.api.ts';
import { actionLabel, auditMessages, detailKeyLabel, KNOWN_ACTIONS, resourceLabel } from './audit.i18n.ts';

type Row = z.infer<typeof auditRow>;
/** `{"term":"zsm","results":1}` reads better as `term: zsm · results: 1` in a narrow cell */
function formatDetail(detail: unknown, lang: Lang): string {
  if (detail === null || typeof detail !== 'object') return String(detail);
  return Object.entries(detail)
    .map(([k, v]) => `${detailKeyLabel(k, lang)}: ${formatValue(v)}`)
    .join(' · ');
}

/** Lists read as "3, 5, 8" and nested objects as "key value" pairs, never as raw JSON braces. */
function formatValue(v: unknown): string {
  if (Array.isArray(v))
    return v.length > 8 ? `${v.slice(0, 8).map(formatValue).join(', ')} …(${v.length})` : v.map(formatValue).join(', ');
  if (v !== null && typeof v === 'object')
    return Object.entries(v)
      .map(([k, x]) => `${k} ${formatValue(x)}`)
      .join(', ');
  return String(v);
}

const OUTCOME_COLORS: Record<string, string> = { success: 'green', denied: 'orange', failure: 'red' };

/** 审计日志 (auditors): newest first, paged by sequence number so new rows never shift pages. */
export function AuditLogPage() {
  const t = useT(auditMessages);
  const c = useT(common);
  const canExport = useMayCall('GET /api/audit/export');
  const lang = useLang();
  const list = useListParams<AuditFilters>({ pageSize: 50 });
  const { params } = list;
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const log = useAuditLog(params);
  const verify = useAuditVerify();
  // a new filter lists the newest rows again (unpinned)
  const filter = (patch: Partial<AuditFilters>) => list.setFilter({ ...patch, upTo: undefined });

  return (
    <Page
      title={c('nav.audit')}
      extra={
        <Button icon={<SafetyCertificateOutlined />} loading={verify.isPending} onClick={() => verify.mutate()}>
          {t('verify')}
        </Button>
      }
    >
      {verify.data ? (
        <Alert
          type={verify.data.ok ? 'success' : 'error'}
          showIcon
          closable={{ onClose: () => verify.reset() }}
          style={{ marginBottom: 16 }}
          title={
            verify.data.ok
              ? t('verifyOk', { rows: verify.data.rows })
              : t('verifyBad', { seq: verify.data.brokenAtSeq ?? '?', problem: verify.data.problem ?? '' })
          }
        />
      ) : null}
      {verify.isError ? (
        <Alert type="error" showIcon title={errorMessage(verify.error)} style={{ marginBottom: 16 }} />
      ) : null}
      <DataList<Row>
        size="small"
        rowKey={(r) => r.id}
        data={log.data}
        loading={log.isFetching}
        error={log.isError ? log.error : undefined}
        onRetry={() => void log.refetch()}
        params={params}
        onPaging={(p) =>
          list.set({ ...p, upTo: p.page === 1 ? undefined : (params.upTo ?? log.data?.upTo ?? undefined) })
        }
        filters={
          <>
            <Input.Search
              allowClear
              placeholder={t('username')}
              style={{ width: 160 }}
              onSearch={(v) => filter({ username: v.trim() || undefined })}
            />
            <AutoComplete
              allowClear
              style={{ width: 240 }}
              options={KNOWN_ACTIONS.map((a) => ({ value: a, label: `${a}  ${actionLabel(a, lang) ?? ''}` }))}
              showSearch={{ filterOption: (input, option) => String(option?.value ?? '').startsWith(input) }}
              onSelect={(v) => filter({ action: v })}
              onChange={(v: string | undefined) => {
                if (!v) filter({ action: undefined });
              }}
            >
              <Input.Search placeholder={t('actionPh')} onSearch={(v) => filter({ action: v.trim() || undefined })} />
            </AutoComplete>
            <Select
              allowClear
              placeholder={t('allOutcomes')}
              style={{ width: 140 }}
              options={(['success', 'denied', 'failure'] as const).map((o) => ({ value: o, label: t(o) }))}
              onChange={(outcome?: AuditFilters['outcome']) => filter({ outcome })}
            />
            <DatePicker.RangePicker
              showTime
              value={range}
              placeholder={[t('start'), t('end')]}
              style={{ width: 360 }}
              onChange={(v) => {
                setRange(v);
                filter({ from: v?.[0]?.toISOString(), to: v?.[1]?.toISOString() });
              }}
            />
          </>
        }
        exportTo={canExport ? { url: '/api/audit/export', query: params } : null}
        scrollX={1000}
        columns={[
          { key: 'seq', title: t('seq'), width: 64, render: (r) => r.seq ?? '—', mobile: 'hide' },
          {
            key: 'at',
            title: t('at'),
            width: 170,
            sortKey: 'at',
            mobile: 'title',
            render: (r) => (
              <div style={{ whiteSpace: 'nowrap' }}>
                <div>{formatDateTime(r.at, { seconds: true })}</div>
                {r.ip ? (
                  <Typography.Text type="secondary" className="oc-mono" style={{ fontSize: 12 }}>
                    {r.ip}
                  </Typography.Text>
                ) : null}
              </div>
            ),
          },
          {
            key: 'username',
            title: t('who'),
            width: 150,
            render: (r) => (
              <div>
                <div>{r.username ?? '—'}</div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {r.role && isRole(r.role) ? roleLabel(r.role, lang) : (r.role ?? '')}
                </Typography.Text>
              </div>
            ),
          },
          {
            key: 'action',
            title: t('action'),
            width: 190,
            render: (r) => (
              <div>
                <div>{actionLabel(r.action, lang) ?? r.action}</div>
                <Typography.Text type="secondary" className="oc-mono" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
                  {r.action}
                </Typography.Text>
              </div>
            ),
          },
          {
            key: 'outcome',
            title: t('outcome'),
            width: 80,
            mobile: 'extra',
            render: (r) => (
              <Tag color={OUTCOME_COLORS[r.outcome]}>
                {r.outcome === 'success' || r.outcome === 'denied' || r.outcome === 'failure'
                  ? t(r.outcome)
                  : r.outcome}
              </Tag>
            ),
          },
          {
            key: 'resource',
            title: t('resource'),
            width: 140,
            render: (r) =>
              r.resource ? `${resourceLabel(r.resource, lang)}${r.resourceId ? ` #${r.resourceId}` : ''}` : '—',
          },
          {
            key: 'detail',
            title: t('detail'),
            render: (r) =>
              r.detail == null ? (
                '—'
              ) : (
                <Typography.Text
                  style={{ fontSize: 12, maxWidth: 320 }}
                  ellipsis={{ tooltip: JSON.stringify(r.detail, null, 1) }}
                >
                  {formatDetail(r.detail, lang)}
                </Typography.Text>
              ),
          },
        ]}
      />
    </Page>
  );
}
