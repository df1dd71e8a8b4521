import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, InputNumber, Modal, Radio, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useCreateSession, useExperts, useSessionList } from './clinics.api.ts';
import { clinicMessages, statusColor, statusLabel, typeLabel } from './clinics.i18n.ts';
import { useOrg, useOrgs } from '../../orgs/ui/orgs.api.ts';
import { usePresetResident } from '../../residents/ui/residents.api.ts';
import { residentMessages } from '../../residents/ui/residents.i18n.ts';
import { useCurrentUser, useMayCall } from '../../web/current-user.ts';
import { ErrorAlert } from '../../web/error-alert.tsx';
import { applyServerError, emptyToNull, validateWith } from '../../web/form-errors.ts';
import { useLang, useT } from '../../web/i18n.ts';
import { formatClock, formatDate, todayShanghai } from '../../web/format.ts';
import { DataList } from '../../web/kit/data-list.tsx';
import { DateInput, DateRangeInput, TimeInput } from '../../web/kit/date-input.tsx';
import { useListParams } from '../../web/kit/list-params.ts';
import { Page } from '../../web/page.tsx';
import { SESSION_STATUSES, SESSION_TYPES, sessionCreate, type ClinicSession } from '../session.schema.ts';
import { ScreensModal } from './screens-modal.tsx';

type Filters = {
  kind?: 'expert' | 'ordinary';
  from?: string;
  to?: string;
  status?: string;
  mine?: 'true' | 'false';
};

/** 专家坐诊与门诊排班: the coming sessions, their free places, and planning new ones. */
export function ClinicSessionsPage() {
  const t = useT(clinicMessages);
  const rt = useT(residentMessages);
  const lang = useLang();
  const navigate = useNavigate();
  const me = useCurrentUser();
  // a visiting expert opens on their own sessions; everyone else on the programme
  const isExpert = me.roles.includes('expert');
  const list = useListParams<Filters>(
    { kind: 'expert', from: todayShanghai(), mine: isExpert ? 'true' : undefined },
    { inUrl: true },
  );
  const { params } = list;
  const sessions = useSessionList(params);
  const canPlan = useMayCall('POST /api/clinic-sessions');
  const canExport = useMayCall('GET /api/clinic-sessions/export');
  const [planning, setPlanning] = useState(false);
  const canScreens = useMayCall('POST /api/clinic-screens');
  const [screens, setScreens] = useState(false);
  const kind = params.kind ?? 'expert';
  // opened from a resident's profile (预约专家号): the chosen session opens with that resident
  const preset = usePresetResident(useSearchParams()[0].get('residentId'));
  const forResident = preset.id ? `?residentId=${preset.id}` : '';
  return (
    <Page
      title={t('sessions')}
      extra={
        <Space>
          {canScreens ? <Button onClick={() => setScreens(true)}>{t('screens')}</Button> : null}
          {canPlan ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setPlanning(true)}>
              {t('planSession')}
            </Button>
          ) : null}
        </Space>
      }
    >
      {preset.resident ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={rt('bookingFor', { name: preset.resident.name })}
          data-testid="booking-for"
        />
      ) : null}
      <DataList<ClinicSession>
        rowKey={(r) => r.id}
        data={sessions.data}
        loading={sessions.isFetching && !sessions.data}
        error={sessions.isError ? sessions.error : undefined}
        onRetry={() => void sessions.refetch()}
        params={params}
        onPaging={list.setPaging}
        search={{ placeholder: t('sessionSearch'), onSearch: (q) => list.setFilter({ q }), width: 200 }}
        filters={
          <>
            <Radio.Group
              value={kind}
              onChange={(e) => list.setFilter({ kind: e.target.value as Filters['kind'] })}
              optionType="button"
              options={[
                { value: 'expert', label: t('kindExpert') },
                { value: 'ordinary', label: t('kindOrdinary') },
              ]}
            />
            {isExpert ? (
              <Radio.Group
                value={params.mine ?? 'false'}
                onChange={(e) => list.setFilter({ mine: e.target.value as 'true' | 'false' })}
                optionType="button"
                options={[
                  { value: 'true', label: t('mine') },
                  { value: 'false', label: t('all') },
                ]}
              />
            ) : null}
            <DateRangeInput
              from={params.from}
              to={params.to}
              onChange={(range) => list.setFilter(range)}
              style={{ width: 260 }}
            />
            <Select
              allowClear
              placeholder={t('status')}
              aria-label={t('status')}
              style={{ width: 120 }}
              value={params.status}
              onChange={(status?: string) => list.setFilter({ status })}
              options={SESSION_STATUSES.map((v) => ({ value: v, label: statusLabel(v, lang) }))}
            />
          </>
        }
        exportTo={canExport ? { url: '/api/clinic-sessions/export', query: params } : null}
        scrollX={1000}
        onRowClick={(r) => void navigate(`/clinics/sessions/${r.id}${forResident}`)}
        rowProps={(r) => ({ 'data-session-id': r.id })}
        columns={[
          {
            key: 'date',
            title: t('date'),
            width: 170,
            sortKey: 'startsAt',
            mobile: 'title',
            render: (r) => `${formatDate(r.date)} ${formatClock(r.startsAt)}–${formatClock(r.endsAt)}`,
          },
          {
            key: 'who',
            title: kind === 'expert' ? t('expert') : t('doctor'),
            width: 220,
            sortKey: 'expertName',
            render: (r) =>
              r.expertName ? (
                <span>
                  {r.expertName}{' '}
                  <small style={{ color: '#888' }}>
                    {r.expertTitle} · {r.homeHospital}
                  </small>
                </span>
              ) : (
                r.doctorName
              ),
          },
          {
            key: 'department',
            title: t('department'),
            width: 220,
            sortKey: 'department',
            render: (r) => `${r.orgName} ${r.departmentName} · ${t('roomNo', { room: r.room })}`,
          },
          { key: 'type', title: t('type'), width: 70, render: (r) => typeLabel(r.sessionType, lang) },
          {
            key: 'free',
            title: t('free'),
            width: 120,
            render: (r) => (
              <span>
                <b>{r.free}</b> / {r.capacity}
                {r.released ? '' : <Tag style={{ marginLeft: 6 }}>{t('notReleased')}</Tag>}
              </span>
            ),
          },
          {
            key: 'status',
            title: t('status'),
            width: 90,
            sortKey: 'status',
            mobile: 'extra',
            render: (r) => <Tag color={statusColor(r.status)}>{statusLabel(r.status, lang)}</Tag>,
          },
        ]}
      />
      {screens ? <ScreensModal onClose={() => setScreens(false)} /> : null}
      {planning ? (
        <PlanModal onClose={() => setPlanning(false)} onCreated={(id) => void navigate(`/clinics/sessions/${id}`)} />
      ) : null}
    </Page>
  );
}

type PlanValues = {
  kind: 'expert' | 'ordinary';
  sessionType: (typeof SESSION_TYPES)[number];
  expertId?: number;
  doctorName?: string;
  orgId?: number;
  departmentId?: number;
  room: string;
  date: string;
  startTime: string;
  endTime: string;
  slotMinutes: number;
  capacityPerSlot: number;
  heldPerSlot: number;
};

function PlanModal({ onClose, onCreated }: { onClose: () => void; onCreated: (id: number) => void }) {
  const t = useT(clinicMessages);
  const lang = useLang();
  const [form] = Form.useForm<PlanValues>();
  const kind = Form.useWatch('kind', form) ?? 'expert';
  const orgId = Form.useWatch('orgId', form) ?? null;
  const orgs = useOrgs();
  const org = useOrg(orgId);
  const experts = useExperts('');
  const create = useCreateSession();
  const submit = async () => {
    const v = emptyToNull(form.getFieldsValue());
    // the server's own schema: one rule on both sides (an expert or a doctor is then checked by the server)
    const body = validateWith(form, sessionCreate, {
      ...v,
      expertId: v.kind === 'expert' ? (v.expertId ?? null) : null,
      doctorName: v.kind === 'ordinary' ? (v.doctorName ?? null) : null,
    });
    if (!body) return;
    try {
      const s = await create.mutateAsync(body);
      onCreated(s.id);
    } catch (err) {
      applyServerError(form, err, [
        'expertId',
        'orgId',
        'departmentId',
        'room',
        'date',
        'endTime',
        'slotMinutes',
        'heldPerSlot',
        'doctorName',
      ]);
    }
  };
  return (
    <Modal
      open
      title={t('planSession')}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={create.isPending}
      width={640}
      destroyOnHidden
    >
      {create.isError ? <ErrorAlert error={create.error} /> : null}
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          kind: 'expert',
          sessionType: 'clinic',
          slotMinutes: 30,
          capacityPerSlot: 4,
          heldPerSlot: 1,
          startTime: '08:00',
          endTime: '11:00',
        }}
      >
        <Form.Item name="kind" label={t('kind')}>
          <Radio.Group
            options={[
              { value: 'expert', label: t('kindExpert') },
              { value: 'ordinary', label: t('kindOrdinary') },
            ]}
          />
        </Form.Item>
        <Form.Item name="sessionType" label={t('type')}>
          <Radio.Group options={SESSION_TYPES.map((v) => ({ value: v, label: typeLabel(v, lang) }))} />
        </Form.Item>
        {kind === 'expert' ? (
          <Form.Item name="expertId" label={t('expert')} required>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              options={(experts.data?.items ?? [])
                .filter((e) => e.active)
                .map((e) => ({ value: e.id, label: `${e.name} ${e.title} · ${e.homeHospital} · ${e.speciality}` }))}
            />
          </Form.Item>
        ) : (
          <Form.Item name="doctorName" label={t('doctor')} required>
            <Input maxLength={30} />
          </Form.Item>
        )}
        <Space.Compact block>
          <Form.Item name="orgId" label={t('org')} required style={{ flex: 1 }}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              onChange={() => form.setFieldValue('departmentId', undefined)}
              options={(orgs.data ?? [])
                .filter((o) => ['county_hospital', 'township_center', 'community_center'].includes(o.kind))
                .map((o) => ({ value: o.id, label: o.name }))}
            />
          </Form.Item>
          <Form.Item name="departmentId" label={t('department')} required style={{ flex: 1 }}>
            <Select
              options={(org.data?.departments ?? [])
                .filter((d) => d.active)
                .map((d) => ({ value: d.id, label: d.name }))}
            />
          </Form.Item>
          <Form.Item name="room" label={t('room')} required style={{ width: 100 }}>
            <Input maxLength={20} />
          </Form.Item>
        </Space.Compact>
        <Space wrap>
          <Form.Item name="date" label={t('date')} required>
            <DateInput data-testid="plan-date" />
          </Form.Item>
          <Form.Item name="startTime" label={t('from')} required>
            <TimeInput data-testid="plan-start" />
          </Form.Item>
          <Form.Item name="endTime" label={t('to')} required>
            <TimeInput data-testid="plan-end" />
          </Form.Item>
        </Space>
        <Space wrap>
          <Form.Item name="slotMinutes" label={t('slotMinutes')}>
            <InputNumber min={5} max={240} />
          </Form.Item>
          <Form.Item name="capacityPerSlot" label={t('perSlot')}>
            <InputNumber min={1} max={200} />
          </Form.Item>
          <Form.Item name="heldPerSlot" label={t('held')}>
            <InputNumber min={0} max={200} />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}
