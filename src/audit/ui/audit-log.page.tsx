import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, AutoComplete, Button, Card, DatePicker, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import type { z } from 'zod';
import { isRole } from '../../platform/roles.ts';
import { ErrorAlert, errorMessage } from '../../web/error-alert.tsx';
import { formatTime } from '../../web/format.ts';
import { common, roleLabel, useLang, useT } from '../../web/i18n.ts';
import { Page } from '../../web/page.tsx';
import type { auditRow } from '../audit.schema.ts';
import { useAuditLog, useAuditVerify, type AuditFilters } from './audit.api.ts';
import { actionLabel, auditMessages, KNOWN_ACTIONS } from './audit.i18n.ts';

type Row = z.infer<typeof auditRow>;
/** `{"term":"zsm","results":1}` reads better as `term: zsm · results: 1` in a narrow cell */
function formatDetail(detail: unknown): string {
  if (detail === null || typeof detail !== 'object') return String(detail);
  return Object.entries(detail)
    .map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
    .join(' · ');
}

const OUTCOME_COLORS: Record<string, string> = { success: 'green', denied: 'orange', failure: 'red' };

/** 审计日志 (auditors): newest first, paged by sequence number so new rows never shift pages. */
export function AuditLogPage() {
  const t = useT(auditMessages);
  const c = useT(common);
  const lang = useLang();
  const [filters, setFilters] = useState<AuditFilters>({});
  const [cursors, setCursors] = useState<Array<number | undefined>>([undefined]);
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const log = useAuditLog(filters, cursors[cursors.length - 1]);
  const verify = useAuditVerify();
  const filter = (patch: Partial<AuditFilters>) => {
    setFilters((f) => ({ ...f, ...patch }));
    setCursors([undefined]);
  };
  const next = log.data?.nextBeforeSeq ?? null;

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
      <div className="oc-filters">
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
      </div>
      {log.isError ? <ErrorAlert error={log.error} onRetry={() => log.refetch()} /> : null}
      <Card size="small">
        <Table<Row>
          rowKey="seq"
          size="small"
          loading={log.isFetching}
          dataSource={log.data?.items ?? []}
          pagination={false}
          scroll={{ x: 1330 }}
          columns={[
            { title: t('seq'), dataIndex: 'seq', width: 70 },
            {
              title: t('at'),
              dataIndex: 'at',
              width: 180,
              render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatTime(v, lang)}</span>,
            },
            { title: t('username'), dataIndex: 'username', width: 130, render: (v: string | null) => v ?? '—' },
            {
              title: t('role'),
              dataIndex: 'role',
              width: 130,
              render: (v: string | null) => (v && isRole(v) ? roleLabel(v, lang) : (v ?? '—')),
            },
            {
              title: t('action'),
              dataIndex: 'action',
              width: 220,
              render: (a: string) => (
                <div>
                  <div>{actionLabel(a, lang) ?? a}</div>
                  <Typography.Text type="secondary" className="oc-mono" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
                    {a}
                  </Typography.Text>
                </div>
              ),
            },
            {
              title: t('outcome'),
              dataIndex: 'outcome',
              width: 80,
              render: (o: string) => (
                <Tag color={OUTCOME_COLORS[o]}>{o === 'success' || o === 'denied' || o === 'failure' ? t(o) : o}</Tag>
              ),
            },
            {
              title: t('resource'),
              key: 'resource',
              width: 130,
              render: (_, r) => (r.resource ? `${r.resource}${r.resourceId ? ` #${r.resourceId}` : ''}` : '—'),
            },
            { title: t('ip'), dataIndex: 'ip', width: 120, render: (v: string | null) => v ?? '—' },
            {
              title: t('detail'),
              dataIndex: 'detail',
              width: 260,
              render: (d: unknown) =>
                d == null ? (
                  '—'
                ) : (
                  <Typography.Text
                    style={{ fontSize: 12, width: 240 }}
                    ellipsis={{ tooltip: JSON.stringify(d, null, 1) }}
                  >
                    {formatDetail(d)}
                  </Typography.Text>
                ),
            },
          ]}
        />
        <Space style={{ marginTop: 12, width: '100%', justifyContent: 'flex-end' }}>
          <Button disabled={cursors.length <= 1} onClick={() => setCursors((cs) => cs.slice(0, -1))}>
            {c('prevPage')}
          </Button>
          <Button disabled={next === null} onClick={() => next !== null && setCursors((cs) => [...cs, next])}>
            {c('nextPage')}
          </Button>
        </Space>
      </Card>
    </Page>
  );
}
