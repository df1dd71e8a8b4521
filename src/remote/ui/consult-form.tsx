import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Drawer, Form, Input, Radio, Select, Space, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useCurrentUser } from '../../web/current-user.ts';
import { ErrorAlert } from '../../web/error-alert.tsx';
import { applyServerError } from '../../web/form-errors.ts';
import { formatMoney } from '../../web/format.ts';
import { useT } from '../../web/i18n.ts';
import { useIsMobile } from '../../web/use-is-mobile.ts';
import type { ConsultMode } from '../consults.schema.ts';
import { uploadConsultFile, useApplyConsult, useConsultOptions, useResidentHits } from './consult.api.ts';
import { consultMessages } from './consults.i18n.ts';

interface Values {
  residentId: number;
  invitedOrgId: number;
  invitedStaffId?: number;
  speciality?: string;
  mode: ConsultMode;
  purpose: string;
  clinicalSummary: string;
}

const FIELDS = ['residentId', 'invitedOrgId', 'invitedStaffId', 'speciality', 'mode', 'purpose', 'clinicalSummary'];

/** 发起会诊: the application in a drawer; the attachments go up once the consultation exists */
export function ConsultApplyDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT(consultMessages);
  const mobile = useIsMobile();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [q, setQ] = useState('');
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [clientId, setClientId] = useState(() => `web-${crypto.randomUUID()}`);
  const [failure, setFailure] = useState<unknown>(null);
  const opts = useConsultOptions(open);
  const hits = useResidentHits(q);
  const apply = useApplyConsult();
  const orgId = Form.useWatch('invitedOrgId', form);
  const mode = Form.useWatch('mode', form);
  const fee = mode ? opts.data?.fees[mode] : null;

  const submit = async (v: Values) => {
    setFailure(null);
    try {
      const c = await apply.mutateAsync({ ...v, clientId, speciality: v.speciality || undefined });
      for (const f of files) if (f.originFileObj) await uploadConsultFile(c.id, f.originFileObj, me.csrfToken);
      void message.success(t('applied'));
      setClientId(`web-${crypto.randomUUID()}`);
      setFiles([]);
      form.resetFields();
      onClose();
      void navigate(`/remote/consults/${c.id}`);
    } catch (err) {
      if (!applyServerError(form, err, FIELDS)) setFailure(err);
    }
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={mobile ? '100%' : 560}
      title={t('applyTitle')}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t('cancelForm')}</Button>
          <Button type="primary" loading={apply.isPending} onClick={() => form.submit()} data-testid="consult-submit">
            {t('submit')}
          </Button>
        </Space>
      }
    >
      {failure ? <ErrorAlert error={failure} /> : null}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ mode: 'scheduled' }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item name="residentId" label={t('patient')} rules={[{ required: true, message: t('patient') }]}>
          <Select
            showSearch={{ filterOption: false, onSearch: setQ }}
            placeholder={t('residentPlaceholder')}
            aria-label={t('patient')}
            options={(hits.data?.items ?? []).map((r) => ({
              value: r.id,
              label: r.idNumber ? `${r.name}（${r.idNumber}）` : r.name,
            }))}
          />
        </Form.Item>
        <Form.Item name="invitedOrgId" label={t('invitedOrg')} rules={[{ required: true, message: t('invitedOrg') }]}>
          <Select
            aria-label={t('invitedOrg')}
            options={(opts.data?.orgs ?? []).map((o) => ({ value: o.id, label: o.name }))}
            onChange={() => form.setFieldValue('invitedStaffId', undefined)}
          />
        </Form.Item>
        <Form.Item name="invitedStaffId" label={t('invitedStaff')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            aria-label={t('invitedStaff')}
            placeholder={t('anyExpert')}
            options={(opts.data?.experts ?? [])
              .filter((e) => e.orgId === orgId)
              .map((e) => ({
                value: e.id,
                label: [e.name, e.department, e.title].filter(Boolean).join(' · '),
              }))}
          />
        </Form.Item>
        <Form.Item name="speciality" label={t('speciality')}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="mode" label={t('mode')} extra={fee != null ? `${t('fee')}：${formatMoney(fee)}` : undefined}>
          <Radio.Group
            options={[
              { value: 'scheduled', label: t('mode.scheduled') },
              { value: 'async', label: t('mode.async') },
            ]}
          />
        </Form.Item>
        <Form.Item name="purpose" label={t('purpose')} rules={[{ required: true, message: t('purpose') }]}>
          <Input.TextArea rows={2} maxLength={500} showCount />
        </Form.Item>
        <Form.Item
          name="clinicalSummary"
          label={t('clinicalSummary')}
          rules={[{ required: true, message: t('clinicalSummary') }]}
        >
          <Input.TextArea rows={5} maxLength={4000} showCount />
        </Form.Item>
        <Form.Item label={t('attachments')} extra={t('attachHint')}>
          <Upload
            multiple
            fileList={files}
            accept=".pdf,.jpg,.jpeg,.png,.dcm,application/pdf,image/jpeg,image/png,application/dicom"
            beforeUpload={() => false}
            onChange={({ fileList }) => setFiles(fileList)}
          >
            <Button icon={<UploadOutlined />}>{t('addFile')}</Button>
          </Upload>
        </Form.Item>
      </Form>
    </Drawer>
  );
}
