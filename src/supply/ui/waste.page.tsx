import { App, Button, Form, Input, InputNumber, Modal, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useMayCall } from '../../web/current-user.ts';
import { errorMessage } from '../../web/error-alert.tsx';
import { formatDateTime } from '../../web/format.ts';
import { useT, type Translate } from '../../web/i18n.ts';
import { DataList } from '../../web/kit/data-list.tsx';
import { useListParams } from '../../web/kit/list-params.ts';
import { Page } from '../../web/page.tsx';
import {
  CATEGORIES,
  useBags,
  useGive,
  useReceive,
  type Bag,
  type Category,
  type Stage,
  type Step,
} from './supply.api.ts';
import { supplyMessages } from './supply.i18n.ts';

type T = Translate<typeof supplyMessages>;
type View = 'all' | 'in_transit' | 'unconfirmed' | 'discrepancy' | 'overdue';
const VIEWS: ReadonlyArray<
  [View, 'viewAll' | 'viewInTransit' | 'viewUnconfirmed' | 'viewDiscrepancy' | 'viewOverdue']
> = [
  ['in_transit', 'viewInTransit'],
  ['unconfirmed', 'viewUnconfirmed'],
  ['discrepancy', 'viewDiscrepancy'],
  ['overdue', 'viewOverdue'],
  ['all', 'viewAll'],
];
const STAGE_COLOR: Record<Stage, string> = {
  produced: 'gold',
  collected: 'blue',
  at_station: 'cyan',
  disposed: 'green',
};
const NEXT_STEP: Record<Stage, Step | null> = {
  produced: 'collect',
  collected: 'station',
  at_station: 'dispose',
  disposed: null,
};
export const categoryLabel = (t: T, c: Category) => t(c === 'chemical' ? 'chemical_waste' : c);

/** 医疗废物: the bags in transit, handovers awaiting the receiver, weight discrepancies and overdue bags. */
export function WastePage() {
  const t = useT(supplyMessages);
  const canHand = useMayCall('POST /api/waste/bags/:id/give');
  const list = useListParams<{ view: View; category: Category | undefined }>(
    { view: 'in_transit', category: undefined },
    { inUrl: true },
  );
  const { params } = list;
  const bags = useBags(params);
  const [acting, setActing] = useState<{ bag: Bag; kind: 'give' | 'receive'; step: Step } | null>(null);
  const open = (b: Bag) => b.handovers.find((h) => h.receivedAt === null);
  return (
    <Page title={t('wasteTitle')}>
      <DataList<Bag>
        rowKey={(b) => b.id}
        data={bags.data}
        loading={bags.isFetching && !bags.data}
        error={bags.isError ? bags.error : undefined}
        onRetry={() => void bags.refetch()}
        params={params}
        onPaging={list.setPaging}
        search={{ placeholder: t('searchOrg'), onSearch: (q) => list.setFilter({ q }), width: 150 }}
        filters={
          <Space wrap>
            <Select
              style={{ width: 130 }}
              aria-label={t('viewAll')}
              value={params.view}
              onChange={(view: View) => list.setFilter({ view })}
              options={VIEWS.map(([v, k]) => ({ value: v, label: t(k) }))}
            />
            <Select
              style={{ width: 120 }}
              aria-label={t('category')}
              value={params.category ?? ''}
              onChange={(v: Category | '') => list.setFilter({ category: v || undefined })}
              options={[
                { value: '', label: t('allCategories') },
                ...CATEGORIES.map((c) => ({ value: c, label: categoryLabel(t, c) })),
              ]}
            />
          </Space>
        }
        exportTo={{ url: '/api/waste/bags/export', query: params }}
        scrollX={1100}
        columns={[
          { key: 'org', title: t('producer'), width: 160, mobile: 'title', render: (b) => b.orgName },
          {
            key: 'stage',
            title: t('stage'),
            width: 150,
            mobile: 'extra',
            render: (b) => (
              <Space size={2} wrap>
                <Tag color={STAGE_COLOR[b.stage]}>{t(b.stage)}</Tag>
                {b.overdue ? <Tag color="red">{t('overdueTag')}</Tag> : null}
                {b.discrepancy ? <Tag color="volcano">{t('discrepancyTag')}</Tag> : null}
              </Space>
            ),
          },
          { key: 'cat', title: t('category'), width: 80, render: (b) => categoryLabel(t, b.category) },
          { key: 'w', title: t('weightG'), width: 90, align: 'right', sortKey: 'weight', render: (b) => b.weightG },
          {
            key: 'at',
            title: t('registeredAt'),
            width: 140,
            sortKey: 'createdAt',
            render: (b) => formatDateTime(b.createdAt),
          },
          {
            key: 'dev',
            title: t('deviation'),
            width: 150,
            render: (b) =>
              b.deviationG === null ? (
                '—'
              ) : (
                <Typography.Text type={b.discrepancy ? 'danger' : undefined}>
                  {t('deviationText', { d: b.deviationG, t: b.toleranceG })}
                </Typography.Text>
              ),
          },
          {
            key: 'hand',
            title: t('handovers'),
            width: 260,
            render: (b) => (
              <Space orientation="vertical" size={0}>
                {b.handovers.map((h) => (
                  <Typography.Text key={h.step} type={h.receivedAt ? undefined : 'warning'}>
                    {`${t(h.step)}: ${t('grams', { n: h.giverWeightG })} → ${
                      h.receiverWeightG === null ? t('unconfirmed') : t('grams', { n: h.receiverWeightG })
                    }`}
                  </Typography.Text>
                ))}
              </Space>
            ),
          },
          {
            key: 'act',
            title: '',
            width: 110,
            mobile: 'plain',
            render: (b) => {
              if (!canHand) return null;
              const pending = open(b);
              if (pending)
                return (
                  <Button
                    size="small"
                    type="primary"
                    onClick={() => setActing({ bag: b, kind: 'receive', step: pending.step })}
                  >
                    {t('receive')}
                  </Button>
                );
              const next = NEXT_STEP[b.stage];
              return next ? (
                <Button size="small" onClick={() => setActing({ bag: b, kind: 'give', step: next })}>
                  {t('give')}
                </Button>
              ) : null;
            },
          },
        ]}
      />
      {acting ? <HandoverModal {...acting} onClose={() => setActing(null)} /> : null}
    </Page>
  );
}

function HandoverModal({
  bag,
  kind,
  step,
  onClose,
}: {
  bag: Bag;
  kind: 'give' | 'receive';
  step: Step;
  onClose: () => void;
}) {
  const t = useT(supplyMessages);
  const { message } = App.useApp();
  const give = useGive();
  const receive = useReceive();
  const [form] = Form.useForm();
  const submit = async () => {
    const v = (await form.validateFields()) as { giverName: string; receiverName: string; weightG: number };
    try {
      if (kind === 'give') await give.mutateAsync({ bagId: bag.id, step, ...v });
      else await receive.mutateAsync({ bagId: bag.id, step, weightG: v.weightG });
      void message.success(t('saved'));
      onClose();
    } catch (err) {
      void message.error(errorMessage(err));
    }
  };
  return (
    <Modal
      open
      title={`${t(kind)} · ${t(step)}`}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={give.isPending || receive.isPending}
    >
      <Typography.Paragraph type="secondary">
        {`${bag.orgName} · ${categoryLabel(t, bag.category)} · ${t('grams', { n: bag.weightG })}`}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ giverName: step === 'collect' ? bag.orgName : undefined }}>
        {kind === 'give' ? (
          <>
            <Form.Item name="giverName" label={t('giverName')} rules={[{ required: true }]}>
              <Input maxLength={40} />
            </Form.Item>
            <Form.Item name="receiverName" label={t('receiverName')} rules={[{ required: true }]}>
              <Input maxLength={40} />
            </Form.Item>
          </>
        ) : null}
        <Form.Item name="weightG" label={t('weightG')} rules={[{ required: true }]}>
          <InputNumber min={1} max={100000} style={{ width: '100%' }} inputMode="numeric" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
