import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Input, InputNumber, Modal, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { z } from 'zod';
import { useOrgs } from '../../orgs/ui/orgs.api.ts';
import { apiGet, apiSend } from '../../web/api.ts';
import { useCurrentUser, useMayCall } from '../../web/current-user.ts';
import { ErrorAlert } from '../../web/error-alert.tsx';
import { formatDateTime } from '../../web/format.ts';
import { useT } from '../../web/i18n.ts';
import { PHARMACY_KEY, stocktakeList, stocktakeSheet, type StocktakeSheet } from './stock.api.ts';
import { stockMessages } from './stock.i18n.ts';

const ST_KEY = [...PHARMACY_KEY, 'stocktakes'] as const;
const idOnly = z.object({ id: z.number() });

/** 盘点: open a count sheet (system quantities frozen), enter counts, submit, another person approves. */
export function StocktakePanel() {
  const t = useT(stockMessages);
  const me = useCurrentUser();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const orgs = useOrgs();
  const [orgId, setOrgId] = useState<number>(me.org.id);
  const [open, setOpen] = useState<number | null>(null);
  const list = useQuery({ queryKey: ST_KEY, queryFn: () => apiGet('/api/pharmacy/stocktakes', stocktakeList) });
  const start = useMutation({
    mutationFn: () => apiSend('POST', '/api/pharmacy/stocktakes', { orgId }, idOnly),
    onSuccess: (r) => {
      void qc.invalidateQueries({ queryKey: ST_KEY });
      setOpen(r.id);
    },
    onError: (e) => void message.error(e.message),
  });
  const choices = (orgs.data ?? []).filter((o) => o.id === me.org.id || o.parentId === me.org.id);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        {choices.length > 1 ? (
          <Select
            aria-label={t('stocktakeOrg')}
            style={{ width: 220 }}
            value={orgId}
            onChange={setOrgId}
            options={choices.map((o) => ({ value: o.id, label: o.name }))}
          />
        ) : null}
        <Button type="primary" loading={start.isPending} onClick={() => start.mutate()}>
          {t('stocktakeOpen')}
        </Button>
      </Space>
      <Table
        size="small"
        rowKey="id"
        dataSource={list.data?.items ?? []}
        loading={list.isFetching && !list.data}
        pagination={false}
        onRow={(r) => ({ onClick: () => setOpen(r.id) })}
        columns={[
          { key: 'org', title: t('org'), dataIndex: 'orgName' },
          {
            key: 'status',
            title: t('status'),
            render: (_, r) => <Tag>{t(`st_${r.status}` as Parameters<typeof t>[0])}</Tag>,
          },
          { key: 'created', title: t('created'), render: (_, r) => formatDateTime(r.createdAt) },
        ]}
      />
      {open !== null ? <SheetModal id={open} onClose={() => setOpen(null)} /> : null}
    </Space>
  );
}

function SheetModal({ id, onClose }: { id: number; onClose: () => void }) {
  const t = useT(stockMessages);
  const { message } = App.useApp();
  const qc = useQueryClient();
  const canDecide = useMayCall('POST /api/pharmacy/stocktakes/:id/decision');
  const sheet = useQuery({
    queryKey: [...ST_KEY, id],
    queryFn: () => apiGet(`/api/pharmacy/stocktakes/${id}`, stocktakeSheet),
  });
  const [counts, setCounts] = useState<Record<number, { countedQty?: number; reason?: string }>>({});
  const done = () => {
    void qc.invalidateQueries({ queryKey: PHARMACY_KEY });
  };
  const lines = (s: StocktakeSheet) =>
    s.lines
      .map((l) => ({
        batchId: l.batchId,
        countedQty: counts[l.batchId]?.countedQty ?? l.countedQty ?? undefined,
        reason: counts[l.batchId]?.reason ?? l.reason ?? undefined,
      }))
      .filter(
        (l): l is { batchId: number; countedQty: number; reason: string | undefined } => l.countedQty !== undefined,
      );
  const save = useMutation({
    mutationFn: (submit: boolean) =>
      apiSend(
        'PUT',
        `/api/pharmacy/stocktakes/${id}`,
        { lines: lines(sheet.data as StocktakeSheet), submit },
        z.unknown(),
      ),
    onSuccess: () => {
      void message.success(t('saved'));
      done();
    },
  });
  const decide = useMutation({
    mutationFn: (approve: boolean) =>
      apiSend('POST', `/api/pharmacy/stocktakes/${id}/decision`, { approve }, z.unknown()),
    onSuccess: () => {
      done();
      onClose();
    },
  });
  const s = sheet.data;
  const counting = s?.status === 'counting';
  return (
    <Modal
      open
      width={960}
      onCancel={onClose}
      title={s ? `${t('stocktakeSheet')} · ${s.orgName} · ${t(`st_${s.status}` as Parameters<typeof t>[0])}` : ''}
      footer={
        s ? (
          <Space wrap>
            {counting ? (
              <>
                <Button onClick={() => save.mutate(false)} loading={save.isPending}>
                  {t('save')}
                </Button>
                <Button type="primary" onClick={() => save.mutate(true)} loading={save.isPending}>
                  {t('submit')}
                </Button>
              </>
            ) : null}
            {s.status === 'submitted' && canDecide ? (
              <>
                <Button danger onClick={() => decide.mutate(false)} loading={decide.isPending}>
                  {t('reject')}
                </Button>
                <Button type="primary" onClick={() => decide.mutate(true)} loading={decide.isPending}>
                  {t('approve')}
                </Button>
              </>
            ) : null}
          </Space>
        ) : null
      }
    >
      {(save.error ?? decide.error ?? sheet.error) ? (
        <ErrorAlert error={save.error ?? decide.error ?? sheet.error} />
      ) : null}
      <Table
        size="small"
        rowKey="batchId"
        scroll={{ x: 800, y: 420 }}
        pagination={false}
        loading={sheet.isFetching && !s}
        dataSource={s?.lines ?? []}
        columns={[
          { key: 'drug', title: t('drug'), render: (_, l) => `${l.drugName} ${l.spec}` },
          { key: 'batch', title: t('batchNo'), dataIndex: 'batchNo', width: 100 },
          { key: 'expiry', title: t('expiry'), dataIndex: 'expiryDate', width: 100 },
          { key: 'system', title: t('systemQty'), dataIndex: 'systemQty', width: 80, align: 'right' },
          {
            key: 'counted',
            title: t('countedQty'),
            width: 110,
            render: (_, l) =>
              counting ? (
                <InputNumber
                  aria-label={`${t('countedQty')} ${l.batchNo}`}
                  min={0}
                  precision={0}
                  value={counts[l.batchId]?.countedQty ?? l.countedQty ?? undefined}
                  onChange={(v) =>
                    setCounts((c) => ({ ...c, [l.batchId]: { ...c[l.batchId], countedQty: v ?? undefined } }))
                  }
                />
              ) : (
                l.countedQty
              ),
          },
          {
            key: 'variance',
            title: t('variance'),
            width: 70,
            align: 'right',
            render: (_, l) => {
              const c = counts[l.batchId]?.countedQty ?? l.countedQty;
              const v = c == null ? null : c - l.systemQty;
              return v ? <Tag color={v < 0 ? 'red' : 'green'}>{v > 0 ? `+${v}` : v}</Tag> : '';
            },
          },
          {
            key: 'reason',
            title: t('reason'),
            width: 140,
            render: (_, l) =>
              counting ? (
                <Input
                  aria-label={`${t('reason')} ${l.batchNo}`}
                  maxLength={100}
                  value={counts[l.batchId]?.reason ?? l.reason ?? ''}
                  onChange={(e) =>
                    setCounts((c) => ({ ...c, [l.batchId]: { ...c[l.batchId], reason: e.target.value || undefined } }))
                  }
                />
              ) : (
                l.reason
              ),
          },
        ]}
      />
    </Modal>
  );
}
