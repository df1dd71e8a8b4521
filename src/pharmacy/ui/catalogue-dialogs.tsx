import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Checkbox,
  Descriptions,
  Drawer,
  Form,
  Input,
  InputNumber,
  Modal,
  Space,
  Table,
  Tag,
  Timeline,
  Typography,
  Upload,
} from 'antd';
import { useState } from 'react';
import { apiDownload, apiGet, apiSend } from '../../web/api.ts';
import { useMayCall } from '../../web/current-user.ts';
import { ErrorAlert } from '../../web/error-alert.tsx';
import { addDays, formatDateTime, formatMoney, todayShanghai, yuanToFen } from '../../web/format.ts';
import { useT, type Translate } from '../../web/i18n.ts';
import { DateInput } from '../../web/kit/date-input.tsx';
import { useIsMobile } from '../../web/use-is-mobile.ts';
import { drugRow, importResult, priceHistory, priceResult, type DrugRow, type ImportResult } from './catalogue.api.ts';
import { catalogueMessages } from './catalogue.i18n.ts';
import { DrugForm } from './catalogue-form.tsx';

export type T = Translate<typeof catalogueMessages>;

export function classTag(r: Pick<DrugRow, 'insuranceClass' | 'selfPayBp'>, t: T) {
  const color = { class_a: 'green', class_b: 'blue', self_pay: 'default' }[r.insuranceClass];
  return (
    <Tag color={color}>
      {t(`class_${r.insuranceClass}`)}
      {r.insuranceClass === 'class_b' ? ` ${t('selfPay', { pct: r.selfPayBp / 100 })}` : ''}
    </Tag>
  );
}

const STATE_COLOR = { planned: 'orange', current: 'green', ended: 'gray' } as const;

/** One item: its details, its price history and the 调价 dialog. */
export function DrugDrawer({ id, onClose }: { id: number | null; onClose: () => void }) {
  const t = useT(catalogueMessages);
  const mobile = useIsMobile();
  const mayChange = useMayCall('POST /api/pharmacy/catalogue/:id/prices');
  const mayEdit = useMayCall('PUT /api/pharmacy/catalogue/:id');
  const [changing, setChanging] = useState(false);
  const [editing, setEditing] = useState(false);
  const item = useQuery({
    queryKey: ['pharmacy-drug', id],
    queryFn: () => apiGet(`/api/pharmacy/catalogue/${id}`, drugRow),
    enabled: id !== null,
  });
  const prices = useQuery({
    queryKey: ['pharmacy-prices', id],
    queryFn: () => apiGet(`/api/pharmacy/catalogue/${id}/prices`, priceHistory),
    enabled: id !== null,
  });
  const d = item.data;
  const yes = (v: boolean) => (v ? t('yes') : t('no'));
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      title={d ? d.genericName : t('detail')}
      size={mobile ? '100%' : 640}
      destroyOnHidden
      extra={
        d ? (
          <Space wrap>
            {mayEdit ? (
              <Button aria-label={t('edit')} onClick={() => setEditing(true)}>
                {t('edit')}
              </Button>
            ) : null}
            {mayChange ? (
              <Button type="primary" aria-label={t('changePrice')} onClick={() => setChanging(true)}>
                {t('changePrice')}
              </Button>
            ) : null}
          </Space>
        ) : null
      }
    >
      {item.isError ? <ErrorAlert error={item.error} onRetry={() => void item.refetch()} /> : null}
      {d ? (
        <Descriptions size="small" column={mobile ? 1 : 2} bordered>
          <Descriptions.Item label={t('ybCode')} span={mobile ? 1 : 2}>
            <Typography.Text copyable>{d.ybCode}</Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('kind')}>{t(`kind_${d.kind}`)}</Descriptions.Item>
          <Descriptions.Item label={t('brandName')}>{d.brandName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('dosageForm')}>{d.dosageForm}</Descriptions.Item>
          <Descriptions.Item label={t('spec')}>{d.spec}</Descriptions.Item>
          <Descriptions.Item label={t('pack')}>
            {t('packText', { qty: d.packQty, min: d.minUnit, pack: d.packUnit })}
          </Descriptions.Item>
          <Descriptions.Item label={t('split')}>{yes(d.splitAllowed)}</Descriptions.Item>
          <Descriptions.Item label={t('manufacturer')} span={mobile ? 1 : 2}>
            {d.manufacturer}
          </Descriptions.Item>
          <Descriptions.Item label={t('approvalNo')}>{d.approvalNo ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('insuranceClass')}>{classTag(d, t)}</Descriptions.Item>
          <Descriptions.Item label={t('essential')}>{yes(d.essential)}</Descriptions.Item>
          <Descriptions.Item label={t('vbp')}>{yes(d.vbp)}</Descriptions.Item>
          <Descriptions.Item label={t('level')}>{d.levels.map((l) => t(`level_${l}`)).join('/')}</Descriptions.Item>
          <Descriptions.Item label={t('supplier')}>{d.supplierName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('price')} span={mobile ? 1 : 2}>
            {d.priceFen === null ? t('noPrice') : `${formatMoney(d.priceFen)} ${t('perPack', { unit: d.packUnit })}`}
          </Descriptions.Item>
        </Descriptions>
      ) : null}
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('history')}
      </Typography.Title>
      {prices.isError ? <ErrorAlert error={prices.error} onRetry={() => void prices.refetch()} /> : null}
      <Timeline
        items={(prices.data?.items ?? []).map((p) => ({
          color: STATE_COLOR[p.state],
          content: (
            <div data-price={p.id}>
              <Space wrap>
                <strong>{formatMoney(p.priceFen)}</strong>
                <Tag color={STATE_COLOR[p.state]}>{t(`state_${p.state}`)}</Tag>
              </Space>
              <div>
                {t('from', { at: formatDateTime(p.validFrom) })}
                {p.validTo ? ` ${t('to', { at: formatDateTime(p.validTo) })}` : ''}
              </div>
              <Typography.Text type="secondary">{p.sourceDocument}</Typography.Text>
            </div>
          ),
        }))}
      />
      {d ? <PriceDialog open={changing} drugId={d.id} onClose={() => setChanging(false)} t={t} /> : null}
      {d && editing ? <DrugForm open item={d} onClose={() => setEditing(false)} /> : null}
    </Drawer>
  );
}

function PriceDialog({ open, drugId, onClose, t }: { open: boolean; drugId: number; onClose: () => void; t: T }) {
  const [form] = Form.useForm<{ price: number; effectiveDate: string; sourceDocument: string }>();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const save = useMutation({
    mutationFn: (v: { price: number; effectiveDate: string; sourceDocument: string }) =>
      apiSend(
        'POST',
        `/api/pharmacy/catalogue/${drugId}/prices`,
        { priceFen: yuanToFen(v.price), effectiveDate: v.effectiveDate, sourceDocument: v.sourceDocument },
        priceResult,
      ),
    onSuccess: (r) => {
      void message.success(
        r.outcome === 'unchanged' ? t('priceUnchanged') : t('priceSaved', { at: formatDateTime(r.validFrom) }),
      );
      void qc.invalidateQueries({ queryKey: ['pharmacy-prices', drugId] });
      void qc.invalidateQueries({ queryKey: ['pharmacy-drug', drugId] });
      void qc.invalidateQueries({ queryKey: ['pharmacy-catalogue'] });
      form.resetFields();
      onClose();
    },
  });
  return (
    <Modal
      open={open}
      title={t('changePrice')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: save.isPending, 'aria-label': t('changePrice') }}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ effectiveDate: addDays(todayShanghai(), 1) }}
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item name="price" label={t('newPrice')} rules={[{ required: true, message: t('required') }]}>
          <InputNumber aria-label={t('newPrice')} min={0} precision={2} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="effectiveDate" label={t('effectiveDate')} rules={[{ required: true, message: t('required') }]}>
          <DateInput aria-label={t('effectiveDate')} allowClear={false} />
        </Form.Item>
        <Form.Item
          name="sourceDocument"
          label={t('sourceDocument')}
          rules={[{ required: true, message: t('required') }]}
        >
          <Input aria-label={t('sourceDocument')} placeholder={t('sourcePlaceholder')} maxLength={200} />
        </Form.Item>
      </Form>
      {save.isError ? <ErrorAlert error={save.error} /> : null}
    </Modal>
  );
}

/** 导入: an .xlsx or CSV, the row-by-row report, the template */
export function ImportDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT(catalogueMessages);
  const qc = useQueryClient();
  const [onlyRejected, setOnlyRejected] = useState(false);
  const upload = useMutation({
    mutationFn: async (file: File) => {
      const buf = new Uint8Array(await file.arrayBuffer());
      let bin = '';
      for (const b of buf) bin += String.fromCharCode(b);
      return apiSend(
        'POST',
        '/api/pharmacy/catalogue/import',
        { fileName: file.name, contentBase64: btoa(bin) },
        importResult,
      );
    },
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['pharmacy-catalogue'] }),
  });
  const r: ImportResult | undefined = upload.data;
  const rows = (r?.rows ?? []).filter((x) => !onlyRejected || x.outcome === 'rejected');
  const color = { created: 'green', updated: 'blue', unchanged: 'default', rejected: 'red' } as const;
  return (
    <Modal open={open} title={t('importTitle')} onCancel={onClose} footer={null} width={820} destroyOnHidden>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('importHint')}</Typography.Text>
        <Space wrap>
          <Upload
            accept=".csv,.xlsx"
            showUploadList={false}
            beforeUpload={(file) => {
              upload.mutate(file);
              return false;
            }}
          >
            <Button type="primary" loading={upload.isPending} aria-label={t('chooseFile')}>
              {t('chooseFile')}
            </Button>
          </Upload>
          <Button
            aria-label={t('template')}
            onClick={() => void apiDownload('/api/pharmacy/catalogue/import/template')}
          >
            {t('template')}
          </Button>
        </Space>
        {upload.isError ? <ErrorAlert error={upload.error} /> : null}
        {r ? (
          <Alert
            type={r.rejected ? 'warning' : 'success'}
            title={t('importSummary', { n: r.rowsTotal, c: r.created, u: r.updated, s: r.unchanged, r: r.rejected })}
            description={
              [
                r.nothingChanged ? t('nothingChanged') : '',
                r.sameFileAs ? t('sameFile', { at: formatDateTime(r.sameFileAs.at) }) : '',
              ]
                .filter(Boolean)
                .join('；') || undefined
            }
          />
        ) : null}
        {r ? (
          <>
            <Checkbox checked={onlyRejected} onChange={(e) => setOnlyRejected(e.target.checked)}>
              {t('onlyRejected')}
            </Checkbox>
            <Table
              size="small"
              rowKey="row"
              dataSource={rows}
              scroll={{ x: 700 }}
              pagination={{ pageSize: 50, hideOnSinglePage: true }}
              columns={[
                { key: 'row', title: t('row'), width: 60, render: (_, x) => x.row },
                { key: 'code', title: t('ybCode'), width: 210, render: (_, x) => x.ybCode },
                { key: 'name', title: t('name'), width: 160, render: (_, x) => x.name },
                {
                  key: 'outcome',
                  title: t('outcome'),
                  width: 80,
                  render: (_, x) => <Tag color={color[x.outcome]}>{t(`outcome_${x.outcome}`)}</Tag>,
                },
                { key: 'reason', title: t('reason'), render: (_, x) => x.reason ?? '' },
              ]}
            />
          </>
        ) : null}
      </Space>
    </Modal>
  );
}
