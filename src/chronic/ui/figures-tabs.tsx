import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, InputNumber, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';

import { apiGet, apiSend } from '../../web/api.ts';

import { ErrorAlert } from '../../web/error-alert.tsx';

import { useT } from '../../web/i18n.ts';

import { useIsMobile } from '../../web/use-is-mobile.ts';
import { baseData, dataQuality, type BaseDataRow } from './figures.api.ts';
import { chronicFiguresMessages } from './figures.i18n.ts';
import { rate } from './figures-shared.ts';
import { YearSelect } from './figures.page.tsx';

/** The data-quality and base-data tabs. */
export function QualityTab({ year, setYear }: { year: number; setYear: (y: number) => void }) {
  const t = useT(chronicFiguresMessages);
  const mobile = useIsMobile();
  const q = useQuery({
    queryKey: ['chronic-quality', year],
    queryFn: () => apiGet('/api/chronic/data-quality', dataQuality, { year }),
  });
  const items = q.data?.items ?? [];
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <YearSelect year={year} setYear={setYear} />
      </Space>
      {q.isError ? <ErrorAlert error={q.error} onRetry={() => void q.refetch()} /> : null}
      {q.data ? (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title={`${t('rule')}：${q.data.rule}`} />
      ) : null}
      {mobile ? (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {items.map((r) => (
            <Card
              key={r.staffId}
              size="small"
              title={r.name}
              extra={r.flagged ? <Tag color="red">{t('flagged')}</Tag> : null}
              style={r.flagged ? { borderColor: '#ff4d4f', background: '#fff1f0' } : undefined}
            >
              <div>{r.orgName}</div>
              <div>
                {t('readings')} {r.readings} · {t('endingZero')} {rate(r.endingZero)} · {t('at139')} {rate(r.at139_89)}
              </div>
            </Card>
          ))}
        </Space>
      ) : (
        <Table
          size="small"
          rowKey="staffId"
          dataSource={items}
          pagination={false}
          locale={{ emptyText: t('noData') }}
          onRow={(r) => ({ style: r.flagged ? { background: '#fff1f0', color: '#cf1322' } : undefined })}
          columns={[
            { title: t('doctor'), dataIndex: 'name' },
            { title: t('village'), dataIndex: 'orgName' },
            { title: t('readings'), dataIndex: 'readings', align: 'right' },
            { title: t('endingZero'), align: 'right', render: (_, r) => rate(r.endingZero) },
            { title: t('at139'), align: 'right', render: (_, r) => rate(r.at139_89) },
            { title: '', render: (_, r) => (r.flagged ? <Tag color="red">{t('flagged')}</Tag> : null) },
          ]}
        />
      )}
    </>
  );
}

type Edit = Record<number, Partial<Pick<BaseDataRow, 'pop35Plus' | 'htnPrevalencePct' | 't2dmPrevalencePct'>>>;

export function BaseTab({ year, setYear }: { year: number; setYear: (y: number) => void }) {
  const t = useT(chronicFiguresMessages);
  const { message } = App.useApp();
  const qc = useQueryClient();
  const q = useQuery({
    queryKey: ['chronic-base', year],
    queryFn: () => apiGet('/api/chronic/base-data', baseData, { year }),
  });
  const [edit, setEdit] = useState<Edit>({});
  useEffect(() => setEdit({}), [year]);
  const rows = useMemo(() => (q.data?.items ?? []).map((r) => ({ ...r, ...edit[r.orgId] })), [q.data, edit]);
  const set = (orgId: number, patch: Edit[number]) => setEdit((e) => ({ ...e, [orgId]: { ...e[orgId], ...patch } }));
  const save = useMutation({
    mutationFn: () =>
      apiSend(
        'PUT',
        '/api/chronic/base-data',
        {
          year,
          rows: rows
            .filter((r) => r.pop35Plus !== null && r.htnPrevalencePct !== null && r.t2dmPrevalencePct !== null)
            .map((r) => ({
              orgId: r.orgId,
              pop35Plus: r.pop35Plus,
              htnPrevalencePct: r.htnPrevalencePct,
              t2dmPrevalencePct: r.t2dmPrevalencePct,
            })),
        },
        baseData,
      ),
    onSuccess: (d) => {
      qc.setQueryData(['chronic-base', year], d);
      void qc.invalidateQueries({ queryKey: ['chronic-figures'] });
      setEdit({});
      void message.success(t('saved'));
    },
  });
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <YearSelect year={year} setYear={setYear} />
        <Button
          onClick={() => {
            for (const r of rows) if (r.pop35Plus === null) set(r.orgId, { pop35Plus: r.indexed35Plus });
          }}
        >
          {t('useIndex')}
        </Button>
        <Button type="primary" loading={save.isPending} onClick={() => save.mutate()}>
          {t('save')}
        </Button>
      </Space>
      {q.isError ? <ErrorAlert error={q.error} onRetry={() => void q.refetch()} /> : null}
      {save.isError ? <ErrorAlert error={save.error} /> : null}
      <Table
        size="small"
        rowKey="orgId"
        dataSource={rows}
        pagination={false}
        scroll={{ x: 640 }}
        columns={[
          { title: t('village'), dataIndex: 'name', fixed: 'left', width: 140 },
          {
            title: t('pop35'),
            width: 180,
            render: (_, r) => (
              <Space orientation="vertical" size={0}>
                <InputNumber
                  aria-label={`${r.name} ${t('pop35')}`}
                  min={0}
                  max={5_000_000}
                  value={r.pop35Plus}
                  onChange={(v) => set(r.orgId, { pop35Plus: v })}
                />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('indexHint', { n: r.indexed35Plus })}
                </Typography.Text>
              </Space>
            ),
          },
          {
            title: t('htnPrev'),
            width: 150,
            render: (_, r) => (
              <InputNumber
                aria-label={`${r.name} ${t('htnPrev')}`}
                min={0}
                max={100}
                step={0.1}
                value={r.htnPrevalencePct}
                onChange={(v) => set(r.orgId, { htnPrevalencePct: v })}
              />
            ),
          },
          {
            title: t('t2dmPrev'),
            width: 150,
            render: (_, r) => (
              <InputNumber
                aria-label={`${r.name} ${t('t2dmPrev')}`}
                min={0}
                max={100}
                step={0.1}
                value={r.t2dmPrevalencePct}
                onChange={(v) => set(r.orgId, { t2dmPrevalencePct: v })}
              />
            ),
          },
        ]}
      />
    </>
  );
}
