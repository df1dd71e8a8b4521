import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Modal, Popconfirm, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import { ErrorAlert, errorMessage } from '../../web/error-alert.tsx';
import { applyServerError } from '../../web/form-errors.ts';
import { useT } from '../../web/i18n.ts';
import { DataList } from '../../web/kit/data-list.tsx';
import { useListParams } from '../../web/kit/list-params.ts';
import { useFleetOptions, useSaveStation, useStations, type Station } from './fleet-admin.api.ts';
import { fleetMessages } from './fleet-admin.i18n.ts';

const FIELDS = ['name', 'orgId', 'nodeId'];
type Active = 'true' | 'false';

/** 站点: the stations with their org, road node and vehicles; create, rename, retire. */
export function FleetStations() {
  const t = useT(fleetMessages);
  const { message } = App.useApp();
  const list = useListParams<{ active: Active | undefined }>({ active: undefined });
  const { params } = list;
  const stations = useStations(params);
  const save = useSaveStation();
  const [editing, setEditing] = useState<Station | 'new' | null>(null);

  const setActive = async (s: Station, active: boolean) => {
    try {
      await save.mutateAsync({ id: s.id, body: { active } });
      void message.success(t('saved'));
    } catch (err) {
      void message.error(errorMessage(err));
    }
  };

  return (
    <>
      <DataList<Station>
        rowKey={(s) => s.id}
        data={stations.data}
        loading={stations.isFetching && !stations.data}
        error={stations.isError ? stations.error : undefined}
        onRetry={() => void stations.refetch()}
        params={params}
        onPaging={list.setPaging}
        search={{ placeholder: t('stationSearch'), onSearch: (q) => list.setFilter({ q }), width: 180 }}
        filters={
          <Space wrap>
            <Select
              style={{ width: 110 }}
              aria-label={t('status')}
              value={params.active ?? ''}
              onChange={(v: Active | '') => list.setFilter({ active: v || undefined })}
              options={[
                { value: '', label: t('all') },
                { value: 'true', label: t('active') },
                { value: 'false', label: t('retired') },
              ]}
            />
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              {t('newStation')}
            </Button>
          </Space>
        }
        rowProps={(s) => ({ 'data-station-id': s.id })}
        scrollX={820}
        columns={[
          { key: 'name', title: t('stationName'), width: 160, mobile: 'title', render: (s) => s.name },
          {
            key: 'active',
            title: t('status'),
            width: 90,
            mobile: 'extra',
            render: (s) => (s.active ? <Tag color="green">{t('active')}</Tag> : <Tag>{t('retired')}</Tag>),
          },
          { key: 'org', title: t('org'), width: 180, render: (s) => s.orgName },
          { key: 'node', title: t('node'), render: (s) => s.nodeName ?? (s.nodeId === null ? '—' : `#${s.nodeId}`) },
          {
            key: 'vehicles',
            title: t('vehicleCount'),
            width: 130,
            render: (s) => t('vehicleCountText', { n: s.vehicles, m: s.inService }),
          },
          {
            key: 'actions',
            title: t('actions'),
            width: 140,
            render: (s) => (
              <Space size={4} wrap>
                <Button size="small" onClick={() => setEditing(s)}>
                  {t('edit')}
                </Button>
                {s.active ? (
                  <Popconfirm title={t('retireConfirm', { name: s.name })} onConfirm={() => void setActive(s, false)}>
                    <Button size="small" danger>
                      {t('retire')}
                    </Button>
                  </Popconfirm>
                ) : (
                  <Button size="small" onClick={() => void setActive(s, true)}>
                    {t('restore')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {editing ? <StationModal station={editing === 'new' ? null : editing} onClose={() => setEditing(null)} /> : null}
    </>
  );
}

interface Values {
  name: string;
  orgId: number;
  nodeId?: number | null;
}

function StationModal({ station, onClose }: { station: Station | null; onClose: () => void }) {
  const t = useT(fleetMessages);
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const options = useFleetOptions();
  const save = useSaveStation();
  const [error, setError] = useState<unknown>(null);

  const submit = async (v: Values) => {
    setError(null);
    const nodeId = v.nodeId ?? undefined;
    try {
      await save.mutateAsync(
        station
          ? {
              id: station.id,
              body: { name: v.name.trim(), nodeId: nodeId === station.nodeId ? undefined : nodeId },
            }
          : { id: null, body: { name: v.name.trim(), orgId: v.orgId, nodeId } },
      );
      void message.success(t('saved'));
      onClose();
    } catch (err) {
      if (!applyServerError(form, err, FIELDS)) setError(err);
    }
  };

  return (
    <Modal
      open
      onCancel={onClose}
      title={station ? t('editStation', { name: station.name }) : t('newStation')}
      okText={t('save')}
      cancelText={t('cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      {error ? <ErrorAlert error={error} /> : null}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        initialValues={station ? { name: station.name, orgId: station.orgId, nodeId: station.nodeId } : {}}
      >
        <Form.Item name="name" label={t('stationName')} rules={[{ required: true, min: 2, max: 60 }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="orgId" label={t('org')} rules={[{ required: true }]}>
          <Select
            disabled={station !== null}
            showSearch={{ optionFilterProp: 'label' }}
            options={(options.data?.orgs ?? []).map((o) => ({ value: o.id, label: o.name }))}
          />
        </Form.Item>
        <Form.Item name="nodeId" label={t('node')} extra={t('nodeAuto')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            options={(options.data?.nodes ?? []).map((n) => ({ value: n.id, label: n.name ?? `#${n.id}` }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
