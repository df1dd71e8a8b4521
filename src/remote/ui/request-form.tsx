import { Alert, App, Button, Drawer, Form, Input, Radio, Select, Space } from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { ResidentPicker } from '../../care/ui/care-labels.tsx';
import { formatDateTime } from '../../web/format.ts';
import { useT } from '../../web/i18n.ts';
import { CENTRES, PRIORITIES, useCreateRequest, useRecognition, useRemoteItems, type Priority } from './remote.api.ts';
import { word } from './remote-labels.tsx';
import { remoteMessages } from './remote.i18n.ts';

interface Values {
  residentId?: number;
  itemCode?: string;
  priority: Priority;
  patientSetting: 'outpatient' | 'inpatient' | 'emergency';
  clinicalInfo?: string;
  consentBy?: string;
}

/** 申请远程诊断: resident, item, priority, clinical information, consent where the item needs it; 结果互认 offered first. */
export function NewRequestDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT(remoteMessages);
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const items = useRemoteItems();
  const create = useCreateRequest();
  // one key per form: a resend after a dropped connection is the same request
  const [key, setKey] = useState(() => crypto.randomUUID());
  const residentId = Form.useWatch('residentId', form);
  const itemCode = Form.useWatch('itemCode', form);
  const item = items.data?.items.find((i) => i.code === itemCode);
  const offers = useRecognition(residentId, item?.recogniseDays ? itemCode : undefined);
  const options = useMemo(
    () =>
      CENTRES.map((c) => ({
        label: word(t, 'centre', c),
        options: (items.data?.items ?? []).filter((i) => i.centre === c).map((i) => ({ value: i.code, label: i.name })),
      })),
    [items.data, t],
  );

  const send = async (values: Values, recogniseReportId?: number) => {
    const created = await create.mutateAsync({
      key,
      body: {
        residentId: values.residentId ?? 0,
        itemCode: values.itemCode ?? '',
        priority: values.priority,
        patientSetting: values.patientSetting,
        clinicalInfo: values.clinicalInfo,
        consentBy: item?.consentRequired ? values.consentBy : undefined,
        recogniseReportId,
      },
    });
    void message.success(t('created', { accession: created.accession }));
    setKey(crypto.randomUUID());
    form.resetFields();
    onClose();
    void navigate(`/remote/requests/${created.id}`);
  };

  return (
    <Drawer open={open} onClose={onClose} title={t('newRequest')} size="large" destroyOnHidden>
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ priority: 'routine', patientSetting: 'outpatient' }}
        onFinish={(v) => void send(v).catch((e: unknown) => void message.error((e as Error).message))}
      >
        <Form.Item name="residentId" label={t('resident')} rules={[{ required: true, message: t('resident') }]}>
          <ResidentPicker />
        </Form.Item>
        <Form.Item name="itemCode" label={t('item')} rules={[{ required: true, message: t('item') }]}>
          <Select options={options} showSearch={{ optionFilterProp: 'label' }} aria-label={t('item')} />
        </Form.Item>
        {offers.data?.length ? (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title={t('recognitionTitle')}
            description={
              <Space orientation="vertical" style={{ width: '100%' }}>
                <span>{t('recognitionHint', { days: offers.data[0].recogniseDays })}</span>
                {offers.data.map((o) => (
                  <Space key={o.reportId} wrap>
                    <span>
                      {o.accession} · {formatDateTime(o.issuedAt)} · {o.conclusion}
                    </span>
                    <Button
                      size="small"
                      data-testid="use-recognition"
                      onClick={() =>
                        void form
                          .validateFields()
                          .then((v) => send(v, o.reportId))
                          .catch(() => undefined)
                      }
                    >
                      {t('useRecognition')}
                    </Button>
                  </Space>
                ))}
              </Space>
            }
          />
        ) : null}
        <Form.Item name="priority" label={t('priority')}>
          <Radio.Group
            optionType="button"
            options={PRIORITIES.map((p) => ({ value: p, label: word(t, 'priority', p) }))}
          />
        </Form.Item>
        <Form.Item name="patientSetting" label={t('patientSetting')}>
          <Radio.Group
            options={(['outpatient', 'emergency', 'inpatient'] as const).map((s) => ({
              value: s,
              label: word(t, 'setting', s),
            }))}
          />
        </Form.Item>
        <Form.Item name="clinicalInfo" label={t('clinicalInfo')}>
          <Input.TextArea rows={3} maxLength={1000} placeholder={t('clinicalPlaceholder')} />
        </Form.Item>
        {item?.consentRequired ? (
          <Form.Item
            name="consentBy"
            label={t('consentBy')}
            extra={t('consentHint')}
            rules={[{ required: true, message: t('consentHint') }]}
          >
            <Input maxLength={40} />
          </Form.Item>
        ) : null}
        <Button type="primary" htmlType="submit" loading={create.isPending}>
          {t('submit')}
        </Button>
      </Form>
    </Drawer>
  );
}
