import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Checkbox, Col, Form, Input, InputNumber, Modal, Row, Select, Switch } from 'antd';
import { apiGet, apiSend } from '../../web/api.ts';
import { ErrorAlert } from '../../web/error-alert.tsx';
import { yuanToFen } from '../../web/format.ts';
import { useT } from '../../web/i18n.ts';
import { CLASSES, DRUG_KINDS, drugRow, LEVELS, supplierList, type DrugRow } from './catalogue.api.ts';
import { catalogueMessages } from './catalogue.i18n.ts';

interface Values {
  kind: DrugRow['kind'];
  ybCode: string;
  genericName: string;
  brandName?: string;
  dosageForm: string;
  spec: string;
  packUnit: string;
  minUnit: string;
  packQty: number;
  splitAllowed: boolean;
  manufacturer: string;
  approvalNo?: string;
  insuranceClass: DrugRow['insuranceClass'];
  selfPayPct?: number | null;
  essential: boolean;
  vbp: boolean;
  levels: DrugRow['levels'];
  supplierId?: number | null;
  active: boolean;
  price?: number | null;
  sourceDocument?: string;
}

/** 新增 / 修改品种: one catalogue item; the server checks codes and ratios and answers in Chinese. */
export function DrugForm({ open, item, onClose }: { open: boolean; item: DrugRow | null; onClose: () => void }) {
  const t = useT(catalogueMessages);
  const [form] = Form.useForm<Values>();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const suppliers = useQuery({
    queryKey: ['pharmacy-suppliers'],
    queryFn: () => apiGet('/api/pharmacy/suppliers', supplierList),
    enabled: open,
  });
  const cls = Form.useWatch('insuranceClass', form);
  const save = useMutation({
    mutationFn: (v: Values) => {
      const body = {
        kind: v.kind,
        ybCode: v.ybCode,
        genericName: v.genericName,
        brandName: v.brandName || null,
        dosageForm: v.dosageForm,
        spec: v.spec,
        packUnit: v.packUnit,
        minUnit: v.minUnit,
        packQty: v.packQty,
        splitAllowed: v.splitAllowed,
        manufacturer: v.manufacturer,
        approvalNo: v.approvalNo || null,
        insuranceClass: v.insuranceClass,
        selfPayBp: v.insuranceClass === 'class_b' ? Math.round((v.selfPayPct ?? 0) * 100) : 0,
        essential: v.essential,
        vbp: v.vbp,
        levels: v.levels,
        supplierId: v.supplierId ?? null,
        active: v.active,
      };
      if (item) return apiSend('PUT', `/api/pharmacy/catalogue/${item.id}`, body, drugRow);
      const price = yuanToFen(v.price);
      return apiSend(
        'POST',
        '/api/pharmacy/catalogue',
        price === null ? { item: body } : { item: body, priceFen: price, sourceDocument: v.sourceDocument },
        drugRow,
      );
    },
    onSuccess: (d) => {
      void message.success(t('saved'));
      void qc.invalidateQueries({ queryKey: ['pharmacy-catalogue'] });
      void qc.invalidateQueries({ queryKey: ['pharmacy-drug', d.id] });
      void qc.invalidateQueries({ queryKey: ['pharmacy-prices', d.id] });
      onClose();
    },
  });
  const initial: Partial<Values> = item
    ? {
        ...item,
        brandName: item.brandName ?? undefined,
        approvalNo: item.approvalNo ?? undefined,
        selfPayPct: item.selfPayBp / 100,
      }
    : {
        kind: 'drug',
        insuranceClass: 'class_a',
        splitAllowed: false,
        essential: false,
        vbp: false,
        active: true,
        levels: [...LEVELS],
      };
  const req = [{ required: true, message: t('required') }];
  const half = { xs: 24, sm: 12 };
  return (
    <Modal
      open={open}
      title={item ? t('editTitle') : t('create')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: save.isPending, 'aria-label': item ? t('editTitle') : t('create') }}
      width={760}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={initial} onFinish={(v) => save.mutate(v)} preserve={false}>
        <Row gutter={12}>
          <Col {...half}>
            <Form.Item name="kind" label={t('kind')} rules={req}>
              <Select
                aria-label={t('kind')}
                disabled={item !== null}
                options={DRUG_KINDS.map((k) => ({ value: k, label: t(`kind_${k}`) }))}
              />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="ybCode" label={t('ybCode')} rules={req} extra={t('ybCodeHelp')}>
              <Input aria-label={t('ybCode')} maxLength={23} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="genericName" label={t('name')} rules={req}>
              <Input aria-label={t('name')} maxLength={60} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="brandName" label={t('brandName')}>
              <Input aria-label={t('brandName')} maxLength={60} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="dosageForm" label={t('dosageForm')} rules={req}>
              <Input aria-label={t('dosageForm')} maxLength={20} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="spec" label={t('spec')} rules={req}>
              <Input aria-label={t('spec')} maxLength={40} />
            </Form.Item>
          </Col>
          <Col xs={8} sm={6}>
            <Form.Item name="packUnit" label={t('packUnit')} rules={req}>
              <Input aria-label={t('packUnit')} maxLength={4} />
            </Form.Item>
          </Col>
          <Col xs={8} sm={6}>
            <Form.Item name="minUnit" label={t('minUnit')} rules={req}>
              <Input aria-label={t('minUnit')} maxLength={4} />
            </Form.Item>
          </Col>
          <Col xs={8} sm={6}>
            <Form.Item name="packQty" label={t('packQty')} rules={req}>
              <InputNumber aria-label={t('packQty')} min={1} max={10000} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={6}>
            <Form.Item name="splitAllowed" label={t('split')} valuePropName="checked">
              <Switch aria-label={t('split')} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="manufacturer" label={t('manufacturer')} rules={req}>
              <Input aria-label={t('manufacturer')} maxLength={60} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="approvalNo" label={t('approvalNo')}>
              <Input aria-label={t('approvalNo')} maxLength={40} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="insuranceClass" label={t('insuranceClass')} rules={req}>
              <Select
                aria-label={t('insuranceClass')}
                options={CLASSES.map((c) => ({ value: c, label: t(`class_${c}`) }))}
              />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="selfPayPct" label={t('selfPayPct')} rules={cls === 'class_b' ? req : []}>
              <InputNumber
                aria-label={t('selfPayPct')}
                disabled={cls !== 'class_b'}
                min={0}
                max={100}
                precision={2}
                style={{ width: '100%' }}
              />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="levels" label={t('level')} rules={req}>
              <Checkbox.Group options={LEVELS.map((l) => ({ value: l, label: t(`level_${l}`) }))} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="supplierId" label={t('supplier')}>
              <Select
                allowClear
                aria-label={t('supplier')}
                loading={suppliers.isLoading}
                options={(suppliers.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }))}
              />
            </Form.Item>
          </Col>
          <Col xs={8}>
            <Form.Item name="essential" label={t('essential')} valuePropName="checked">
              <Switch aria-label={t('essential')} />
            </Form.Item>
          </Col>
          <Col xs={8}>
            <Form.Item name="vbp" label={t('vbp')} valuePropName="checked">
              <Switch aria-label={t('vbp')} />
            </Form.Item>
          </Col>
          <Col xs={8}>
            <Form.Item name="active" label={t('active')} valuePropName="checked">
              <Switch aria-label={t('active')} />
            </Form.Item>
          </Col>
          {item ? null : (
            <>
              <Col {...half}>
                <Form.Item name="price" label={t('firstPrice')}>
                  <InputNumber aria-label={t('firstPrice')} min={0} precision={2} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col {...half}>
                <Form.Item name="sourceDocument" label={t('sourceDocument')}>
                  <Input aria-label={t('sourceDocument')} placeholder={t('sourcePlaceholder')} maxLength={200} />
                </Form.Item>
              </Col>
            </>
          )}
        </Row>
      </Form>
      {save.isError ? <ErrorAlert error={save.error} /> : null}
    </Modal>
  );
}
