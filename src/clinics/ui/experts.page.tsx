import { PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, Modal, Select, Switch, Tag } from 'antd';
import { useState } from 'react';
import { useMayCall } from '../../web/current-user.ts';
import { ErrorAlert } from '../../web/error-alert.tsx';
import { applyServerError, emptyToNull, validateWith } from '../../web/form-errors.ts';
import { translate, useLang, useT } from '../../web/i18n.ts';
import { DataList } from '../../web/kit/data-list.tsx';
import { useListParams } from '../../web/kit/list-params.ts';
import { Page } from '../../web/page.tsx';
import { expertCreate, HOSPITAL_LEVELS, type Expert, type ExpertCreate } from '../expert.schema.ts';
import { useCreateExpert, useExpertList } from './clinics.api.ts';
import { clinicMessages, levelLabel } from './clinics.i18n.ts';

type Filters = { hospitalLevel?: string; active?: 'true' | 'false'; allianceMember?: 'true' | 'false' };

/** 专家名册: the visiting experts (乡情医学联盟 and others) the group can plan. */
export function ExpertsPage() {
  const t = useT(clinicMessages);
  const lang = useLang();
  const list = useListParams<Filters>({}, { inUrl: true });
  const { params } = list;
  const experts = useExpertList(params);
  const canAdd = useMayCall('POST /api/experts');
  const canExport = useMayCall('GET /api/experts/export');
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
      <DataList<Expert>
        rowKey={(e) => e.id}
        data={experts.data}
        loading={experts.isFetching && !experts.data}
        error={experts.isError ? experts.error : undefined}
        onRetry={() => void experts.refetch()}
        params={params}
        onPaging={list.setPaging}
        search={{ placeholder: t('expertSearch'), onSearch: (q) => list.setFilter({ q }), width: 220 }}
        filters={
          <>
            <Select
              allowClear
              placeholder={t('level')}
              aria-label={t('level')}
              style={{ width: 120 }}
              value={params.hospitalLevel}
              onChange={(hospitalLevel?: string) => list.setFilter({ hospitalLevel })}
              options={HOSPITAL_LEVELS.map((l) => ({ value: l, label: levelLabel(l, lang) }))}
            />
            <Select
              allowClear
              placeholder={t('alliance')}
              aria-label={t('alliance')}
              style={{ width: 140 }}
              value={params.allianceMember}
              onChange={(allianceMember?: 'true' | 'false') => list.setFilter({ allianceMember })}
              options={[
                { value: 'true', label: t('allianceYes') },
                { value: 'false', label: t('allianceNo') },
              ]}
            />
            <Select
              allowClear
              placeholder={t('status')}
              aria-label={t('status')}
              style={{ width: 110 }}
              value={params.active}
              onChange={(active?: 'true' | 'false') => list.setFilter({ active })}
              options={[
                { value: 'true', label: t('expertActive') },
                { value: 'false', label: t('expertInactive') },
              ]}
            />
          </>
        }
        exportTo={canExport ? { url: '/api/experts/export', query: params } : null}
        scrollX={1000}
        columns={[
          {
            key: 'name',
            title: t('name'),
            width: 100,
            sortKey: 'name',
            mobile: 'title',
            render: (e) => <b>{e.name}</b>,
          },
          { key: 'title', title: t('title'), width: 100, render: (e) => e.title },
          {
            key: 'hospital',
            title: t('homeHospital'),
            width: 240,
            sortKey: 'homeHospital',
            render: (e) => (
              <span>
                {e.homeHospital} <Tag>{levelLabel(e.hospitalLevel, lang)}</Tag>
              </span>
            ),
          },
          { key: 'speciality', title: t('speciality'), width: 110, sortKey: 'speciality', render: (e) => e.speciality },
          { key: 'nativePlace', title: t('nativePlace'), width: 120, render: (e) => e.nativePlace ?? '—' },
          {
            key: 'alliance',
            title: t('alliance'),
            width: 100,
            mobile: 'plain',
            render: (e) => (e.allianceMember ? <Tag color="gold">{t('allianceYes')}</Tag> : null),
          },
          {
            key: 'mobile',
            title: t('mobile'),
            width: 120,
            render: (e) => <span className="oc-mono">{e.mobile ?? '—'}</span>,
          },
          {
            key: 'status',
            title: t('status'),
            width: 80,
            mobile: 'extra',
            render: (e) => (e.active ? <Tag color="green">{t('expertActive')}</Tag> : <Tag>{t('expertInactive')}</Tag>),
          },
        ]}
      />
      {adding ? <AddExpert onClose={() => setAdding(false)} /> : null}
    </Page>
  );
}

function AddExpert({ onClose }: { onClose: () => void }) {
  const t = useT(clinicMessages);
  const lang = useLang();
  const [form] = Form.useForm<ExpertCreate>();
  const create = useCreateExpert();
  const submit = async () => {
    const v = form.getFieldsValue();
    // the server's own schema: one rule on both sides
    const body = validateWith(form, expertCreate, emptyToNull({ ...v, allianceMember: Boolean(v.allianceMember) }));
    if (!body) return;
    try {
      await create.mutateAsync(body);
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
      onOk={() => void submit()}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      {create.isError ? <ErrorAlert error={create.error} /> : null}
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          hospitalLevel: 'provincial',
          allianceMember: true,
          // a stored title, in the language of the records
          title: translate(clinicMessages, 'zh', 'chiefPhysician'),
        }}
      >
        <Form.Item name="name" label={t('name')} required>
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item name="title" label={t('title')} required>
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item name="homeHospital" label={t('homeHospital')} required>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="hospitalLevel" label={t('level')}>
          <Select options={HOSPITAL_LEVELS.map((l) => ({ value: l, label: levelLabel(l, lang) }))} />
        </Form.Item>
        <Form.Item name="speciality" label={t('speciality')} required>
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
