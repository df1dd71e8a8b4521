import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, Modal, Select, Switch, Table, Tag } from 'antd';
import { useState } from 'react';
import { useMayCall } from '../../web/current-user.ts';
import { ErrorAlert } from '../../web/error-alert.tsx';
import { applyServerError } from '../../web/form-errors.ts';
import { useLang, useT } from '../../web/i18n.ts';
import { Page } from '../../web/page.tsx';
import { HOSPITAL_LEVELS, type Expert, type ExpertCreate } from '../expert.schema.ts';
import { useCreateExpert, useExperts } from './clinics.api.ts';
import { clinicMessages, levelLabel } from './clinics.i18n.ts';

/** 专家名册: the visiting experts (乡情医学联盟 and others) the group can plan. */
export function ExpertsPage() {
  const t = useT(clinicMessages);
  const lang = useLang();
  const [q, setQ] = useState('');
  const experts = useExperts(q);
  const canAdd = useMayCall('POST /api/experts');
  const [adding, setAdding] = useState(false);
  return (
    <Page
      title={t('experts')}
      extra={
        canAdd ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            {t('addExpert')}
          </Button>
        ) : null
      }
    >
      <Card size="small" style={{ marginBottom: 12 }}>
        <Input.Search placeholder="姓名、医院、专业或籍贯" onSearch={(v) => setQ(v.trim())} allowClear />
      </Card>
      {experts.isError ? <ErrorAlert error={experts.error} /> : null}
      <Table<Expert>
        rowKey="id"
        size="middle"
        loading={experts.isLoading}
        dataSource={experts.data?.items ?? []}
        pagination={{ pageSize: 20 }}
        columns={[
          { title: t('name'), render: (_, e) => <b>{e.name}</b> },
          { title: t('title'), dataIndex: 'title' },
          {
            title: t('homeHospital'),
            render: (_, e) => (
              <span>
                {e.homeHospital} <Tag>{levelLabel(e.hospitalLevel, lang)}</Tag>
              </span>
            ),
          },
          { title: t('speciality'), dataIndex: 'speciality' },
          { title: t('nativePlace'), render: (_, e) => e.nativePlace ?? '—' },
          { title: t('alliance'), render: (_, e) => (e.allianceMember ? <Tag color="gold">联盟成员</Tag> : null) },
          { title: t('mobile'), render: (_, e) => e.mobile ?? '—' },
          { title: t('status'), render: (_, e) => (e.active ? <Tag color="green">在册</Tag> : <Tag>停用</Tag>) },
        ]}
      />
      {adding ? <AddExpert onClose={() => setAdding(false)} /> : null}
    </Page>
  );
}

function AddExpert({ onClose }: { onClose: () => void }) {
  const t = useT(clinicMessages);
  const [form] = Form.useForm<ExpertCreate>();
  const create = useCreateExpert();
  const submit = async () => {
    const v = await form.validateFields();
    try {
      await create.mutateAsync({ ...v, allianceMember: Boolean(v.allianceMember) });
      onClose();
    } catch (err) {
      applyServerError(form, err, ['name', 'title', 'homeHospital', 'hospitalLevel', 'speciality', 'mobile', 'email']);
    }
  };
  return (
    <Modal
      open
      title={t('addExpert')}
      onCancel={onClose}
      onOk={submit}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      {create.isError ? <ErrorAlert error={create.error} /> : null}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ hospitalLevel: 'provincial', allianceMember: true, title: '主任医师' }}
      >
        <Form.Item name="name" label={t('name')} rules={[{ required: true, message: '请填写姓名' }]}>
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item name="title" label={t('title')} rules={[{ required: true, message: '请填写职称' }]}>
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item
          name="homeHospital"
          label={t('homeHospital')}
          rules={[{ required: true, message: '请填写所在医院' }]}
        >
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="hospitalLevel" label={t('level')}>
          <Select options={HOSPITAL_LEVELS.map((l) => ({ value: l, label: levelLabel(l, 'zh') }))} />
        </Form.Item>
        <Form.Item name="speciality" label={t('speciality')} rules={[{ required: true, message: '请填写专业' }]}>
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item name="nativePlace" label={t('nativePlace')}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="mobile" label={t('mobile')}>
          <Input maxLength={11} />
        </Form.Item>
        <Form.Item name="allianceMember" label={t('alliance')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}
