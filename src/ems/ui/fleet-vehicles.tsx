import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Drawer, Form, Input, Select, Space, Switch, Tag } from 'antd';
import { useState } from 'react';
import { ErrorAlert, errorMessage } from '../../web/error-alert.tsx';
import { applyServerError } from '../../web/form-errors.ts';
import { formatDateTime } from '../../web/format.ts';
import { useT } from '../../web/i18n.ts';
import { DataList } from '../../web/kit/data-list.tsx';
import { useListParams } from '../../web/kit/list-params.ts';
import { useIsMobile } from '../../web/use-is-mobile.ts';
import { emsMessages } from './ems.i18n.ts';
import { VEHICLE_COLOR, word } from './ems-labels.ts';
import {
  useFleetOptions,
  useFleetVehicles,
  useSaveVehicle,
  useVehicleService,
  VEHICLE_KINDS,
  type FleetVehicle,
  type VehicleKind,
} from './fleet-admin.api.ts';
import { fleetMessages } from './fleet-admin.i18n.ts';

const MOVABLE = new Set(['available', 'out_of_service']);
const FIELDS = ['callSign', 'plate', 'kind', 'negativePressure', 'stationId', 'crewStaffIds'];

interface Values {
  callSign: string;
  plate: string;
  kind: VehicleKind;
  negativePressure: boolean;
  stationId: number;
  crewStaffIds: number[];
}

/** 车辆: the county's ambulances, a drawer to add or edit one, service on and off. */
export function FleetVehicles() {
  const t = useT(fleetMessages);
  const te = useT(emsMessages);
  const { message } = App.useApp();
  const list = useListParams<{ stationId: number | undefined; kind: VehicleKind | undefined }>({
    stationId: undefined,
    kind: undefined,
  });
  const { params } = list;
  const vehicles = useFleetVehicles(params);
  const options = useFleetOptions();
  const service = useVehicleService();
  const [editing, setEditing] = useState<FleetVehicle | 'new' | null>(null);

  const toggle = async (v: FleetVehicle) => {
    try {
      await service.mutateAsync({ id: v.id, action: v.status === 'out_of_service' ? 'in_service' : 'out_of_service' });
      void message.success(t('saved'));
    } catch (err) {
      void message.error(errorMessage(err));
    }
  };

  return (
    <>
      <DataList<FleetVehicle>
        rowKey={(v) => v.id}
        data={vehicles.data}
        loading={vehicles.isFetching && !vehicles.data}
        error={vehicles.isError ? vehicles.error : undefined}
        onRetry={() => void vehicles.refetch()}
        params={params}
        onPaging={list.setPaging}
        search={{ placeholder: t('vehicleSearch'), onSearch: (q) => list.setFilter({ q }), width: 200 }}
        filters={
          <Space wrap>
            <Select
              style={{ width: 150 }}
              aria-label={t('station')}
              value={params.stationId === undefined ? '' : Number(params.stationId)}
              onChange={(v: number | '') => list.setFilter({ stationId: v === '' ? undefined : v })}
              options={[
                { value: '', label: t('allStations') },
                ...(options.data?.stations ?? []).map((s) => ({ value: s.id, label: s.name })),
              ]}
            />
            <Select
              style={{ width: 130 }}
              aria-label={t('kind')}
              value={params.kind ?? ''}
              onChange={(v: VehicleKind | '') => list.setFilter({ kind: v || undefined })}
              options={[
                { value: '', label: t('allKinds') },
                ...VEHICLE_KINDS.map((k) => ({ value: k, label: word(te, 'kind', k) })),
              ]}
            />
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              {t('newVehicle')}
            </Button>
          </Space>
        }
        exportTo={{ url: '/api/ems/fleet/vehicles/export', query: params }}
        rowProps={(v) => ({ 'data-vehicle-id': v.id })}
        scrollX={960}
        columns={[
          { key: 'callSign', title: t('callSign'), width: 110, mobile: 'title', render: (v) => v.callSign },
          {
            key: 'status',
            title: t('status'),
            width: 100,
            mobile: 'extra',
            render: (v) => <Tag color={VEHICLE_COLOR[v.status]}>{word(te, 'vehicle', v.status)}</Tag>,
          },
          { key: 'plate', title: t('plate'), width: 110, render: (v) => v.plate },
          {
            key: 'kind',
            title: t('kind'),
            width: 120,
            render: (v) => (
              <Space size={4}>
                {word(te, 'kind', v.kind)}
                {v.negativePressure ? <Tag color="blue">{t('negativePressure')}</Tag> : null}
              </Space>
            ),
          },
          { key: 'station', title: t('station'), width: 180, render: (v) => v.stationName },
          {
            key: 'crew',
            title: t('crew'),
            render: (v) => (v.crew.length ? v.crew.map((c) => c.name).join(t('sep')) : '—'),
          },
          { key: 'statusAt', title: t('statusAt'), width: 140, render: (v) => formatDateTime(v.statusAt) },
          {
            key: 'actions',
            title: t('actions'),
            width: 150,
            render: (v) => (
              <Space size={4} wrap>
                <Button size="small" onClick={() => setEditing(v)}>
                  {t('edit')}
                </Button>
                {v.status === 'available' || v.status === 'out_of_service' ? (
                  <Button size="small" loading={service.isPending} onClick={() => void toggle(v)}>
                    {v.status === 'out_of_service' ? t('inService') : t('outOfService')}
                  </Button>
                ) : null}
              </Space>
            ),
          },
        ]}
      />
      {editing ? <VehicleDrawer vehicle={editing === 'new' ? null : editing} onClose={() => setEditing(null)} /> : null}
    </>
  );
}

function VehicleDrawer({ vehicle, onClose }: { vehicle: FleetVehicle | null; onClose: () => void }) {
  const t = useT(fleetMessages);
  const te = useT(emsMessages);
  const { message } = App.useApp();
  const mobile = useIsMobile();
  const [form] = Form.useForm<Values>();
  const options = useFleetOptions();
  const save = useSaveVehicle();
  const [error, setError] = useState<unknown>(null);
  const moveLocked = vehicle !== null && !MOVABLE.has(vehicle.status);

  const submit = async (v: Values) => {
    setError(null);
    const body = {
      callSign: v.callSign?.trim(),
      plate: v.plate?.trim(),
      kind: v.kind,
      negativePressure: v.negativePressure ?? false,
      stationId: moveLocked ? undefined : v.stationId,
      crewStaffIds: v.crewStaffIds ?? [],
    };
    try {
      await save.mutateAsync({ id: vehicle?.id ?? null, body });
      void message.success(t('saved'));
      onClose();
    } catch (err) {
      if (!applyServerError(form, err, FIELDS)) setError(err);
    }
  };

  return (
    <Drawer
      open
      onClose={onClose}
      size={mobile ? '100%' : 480}
      title={vehicle ? t('editVehicle', { name: vehicle.callSign }) : t('newVehicle')}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t('cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()}>
            {t('save')}
          </Button>
        </Space>
      }
    >
      {error ? <ErrorAlert error={error} /> : null}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        initialValues={
          vehicle
            ? {
                callSign: vehicle.callSign,
                plate: vehicle.plate,
                kind: vehicle.kind as VehicleKind,
                negativePressure: vehicle.negativePressure,
                stationId: vehicle.stationId,
                crewStaffIds: vehicle.crewStaffIds,
              }
            : { kind: 'emergency', negativePressure: false, crewStaffIds: [] }
        }
      >
        <Form.Item name="callSign" label={t('callSign')} rules={[{ required: true, min: 2, max: 20 }]}>
          <Input maxLength={20} />
        </Form.Item>
        <Form.Item name="plate" label={t('plate')} rules={[{ required: true }]}>
          <Input maxLength={12} placeholder={t('platePlaceholder')} />
        </Form.Item>
        <Form.Item name="kind" label={t('kind')} rules={[{ required: true }]}>
          <Select options={VEHICLE_KINDS.map((k) => ({ value: k, label: word(te, 'kind', k) }))} />
        </Form.Item>
        <Form.Item name="negativePressure" label={t('negativePressure')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item
          name="stationId"
          label={t('station')}
          rules={[{ required: true }]}
          extra={moveLocked ? t('moveLocked') : undefined}
        >
          <StationSelect disabled={moveLocked} />
        </Form.Item>
        <Form.Item name="crewStaffIds" label={t('crew')} extra={t('crewHint')}>
          <Select
            mode="multiple"
            showSearch={{ optionFilterProp: 'label' }}
            options={(options.data?.crew ?? []).map((c) => ({
              value: c.id,
              label: t('crewOption', { name: c.name, org: c.orgName }),
            }))}
          />
        </Form.Item>
      </Form>
    </Drawer>
  );
}

/** the active stations (a vehicle is never placed at a retired one) */
function StationSelect(props: { value?: number; onChange?: (v: number) => void; disabled?: boolean }) {
  const options = useFleetOptions();
  return (
    <Select
      {...props}
      showSearch={{ optionFilterProp: 'label' }}
      options={(options.data?.stations ?? [])
        .filter((s) => s.active || s.id === props.value)
        .map((s) => ({ value: s.id, label: s.name }))}
    />
  );
}
