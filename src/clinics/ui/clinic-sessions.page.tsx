import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, InputNumber, Modal, Radio, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useExperts } from './clinics.api.ts';
import { useCreateSession, useSessions } from './clinics.api.ts';
import { clinicMessages, clock, statusColor, statusLabel, todayShanghai, typeLabel } from './clinics.i18n.ts';
import { useOrg, useOrgs } from '../../orgs/ui/orgs.api.ts';
import { usePresetResident } from '../../residents/ui/residents.api.ts';
import { residentMessages } from '../../residents/ui/residents.i18n.ts';
import { useMayCall } from '../../web/current-user.ts';
import { ErrorAlert } from '../../web/error-alert.tsx';
import { applyServerError } from '../../web/form-errors.ts';
import { useLang, useT } from '../../web/i18n.ts';
import { Page } from '../../web/page.tsx';
import type { ClinicSession } from '../session.schema.ts';
import { ScreensModal } from './screens-modal.tsx';

/** 专家坐诊与门诊排班: the coming sessions, their free places, and planning new ones. */
export function ClinicSessionsPage() {
  const t = useT(clinicMessages);
  const rt = useT(residentMessages);
  const lang = useLang();
  const navigate = useNavigate();
  const [kind, setKind] = useState<'expert' | 'ordinary'>('expert');
  const [from, setFrom] = useState(todayShanghai());
  const sessions = useSessions({ from, kind });
  const canPlan = useMayCall('POST /api/clinic-sessions');
  const [planning, setPlanning] = useState(false);
  const canScreens = useMayCall('POST /api/clinic-screens');
  const [screens, setScreens] = useState(false);
  // opened from a resident's profile (预约专家号): the chosen session opens with that resident
  const preset = usePresetResident(useSearchParams()[0].get('residentId'));
  const forResident = preset.id ? `?residentId=${preset.id}` : '';
  return (
    <Page
      title={t('sessions')}
      extra={
        <Space>
          {canScreens ? <Button onClick={() => setScreens(true)}>叫号屏</Button> : null}
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
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space wrap>
          <Radio.Group
            value={kind}
            onChange={(e) => setKind(e.target.value)}
            optionType="button"
            options={[
              { value: 'expert', label: '专家坐诊' },
              { value: 'ordinary', label: '普通门诊' },
            ]}
          />
          <Input
            type="date"
            value={from}
            onChange={(e) => setFrom(e.target.value || todayShanghai())}
            style={{ width: 170 }}
            aria-label={t('from')}
          />
        </Space>
      </Card>
      {sessions.isError ? <ErrorAlert error={sessions.error} /> : null}
      <Table<ClinicSession>
        rowKey="id"
        size="middle"
        loading={sessions.isLoading}
        dataSource={sessions.data?.items ?? []}
        pagination={{ pageSize: 20 }}
        onRow={(r) => ({
          onClick: () => navigate(`/clinics/sessions/${r.id}${forResident}`),
          style: { cursor: 'pointer' },
        })}
        columns={[
          { title: t('date'), render: (_, r) => `${r.date} ${clock(r.startsAt)}–${clock(r.endsAt)}` },
          {
            title: kind === 'expert' ? t('expert') : t('doctor'),
            render: (_, r) =>
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
          { title: t('department'), render: (_, r) => `${r.orgName} ${r.departmentName} · ${r.room}诊室` },
          { title: t('type'), render: (_, r) => typeLabel(r.sessionType, lang) },
          {
            title: t('free'),
            render: (_, r) => (
              <span>
                <b>{r.free}</b> / {r.capacity}
                {r.released ? '' : <Tag style={{ marginLeft: 6 }}>未放号</Tag>}
              </span>
            ),
          },
          {
            title: t('status'),
            render: (_, r) => <Tag color={statusColor(r.status)}>{statusLabel(r.status, lang)}</Tag>,
          },
        ]}
      />
      {screens ? <ScreensModal onClose={() => setScreens(false)} /> : null}
      {planning ? (
        <PlanModal onClose={() => setPlanning(false)} onCreated={(id) => navigate(`/clinics/sessions/${id}`)} />
      ) : null}
    </Page>
  );
}

interface PlanValues {
  kind: 'expert' | 'ordinary';
  sessionType: string;
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
}

function PlanModal({ onClose, onCreated }: { onClose: () => void; onCreated: (id: number) => void }) {
  const t = useT(clinicMessages);
  const [form] = Form.useForm<PlanValues>();
  const kind = Form.useWatch('kind', form) ?? 'expert';
  const orgId = Form.useWatch('orgId', form) ?? null;
  const orgs = useOrgs();
  const org = useOrg(orgId);
  const experts = useExperts('');
  const create = useCreateSession();
  const submit = async () => {
    const v = await form.validateFields();
    try {
      const s = await create.mutateAsync({
        kind: v.kind,
        sessionType: v.sessionType as 'clinic',
        expertId: v.kind === 'expert' ? v.expertId : null,
        doctorName: v.kind === 'ordinary' ? v.doctorName : null,
        orgId: v.orgId!,
        departmentId: v.departmentId!,
        room: v.room,
        date: v.date,
        startTime: v.startTime,
        endTime: v.endTime,
        slotMinutes: v.slotMinutes,
        capacityPerSlot: v.capacityPerSlot,
        heldPerSlot: v.heldPerSlot,
      });
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
      onOk={submit}
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
              { value: 'expert', label: '专家坐诊' },
              { value: 'ordinary', label: '普通门诊' },
            ]}
          />
        </Form.Item>
        <Form.Item name="sessionType" label={t('type')}>
          <Radio.Group
            options={['clinic', 'ward_round', 'operation', 'teaching'].map((v) => ({
              value: v,
              label: typeLabel(v, 'zh'),
            }))}
          />
        </Form.Item>
        {kind === 'expert' ? (
          <Form.Item name="expertId" label={t('expert')} rules={[{ required: true, message: '请选择专家' }]}>
            <Select
              showSearch
              optionFilterProp="label"
              options={(experts.data?.items ?? [])
                .filter((e) => e.active)
                .map((e) => ({ value: e.id, label: `${e.name} ${e.title} · ${e.homeHospital} · ${e.speciality}` }))}
            />
          </Form.Item>
        ) : (
          <Form.Item name="doctorName" label={t('doctor')} rules={[{ required: true, message: '请填写出诊医生' }]}>
            <Input maxLength={30} />
          </Form.Item>
        )}
        <Space.Compact block>
          <Form.Item
            name="orgId"
            label={t('org')}
            rules={[{ required: true, message: '请选择机构' }]}
            style={{ flex: 1 }}
          >
            <Select
              showSearch
              optionFilterProp="label"
              onChange={() => form.setFieldValue('departmentId', undefined)}
              options={(orgs.data ?? [])
                .filter((o) => ['county_hospital', 'township_center', 'community_center'].includes(o.kind))
                .map((o) => ({ value: o.id, label: o.name }))}
            />
          </Form.Item>
          <Form.Item
            name="departmentId"
            label={t('department')}
            rules={[{ required: true, message: '请选择科室' }]}
            style={{ flex: 1 }}
          >
            <Select
              options={(org.data?.departments ?? [])
                .filter((d) => d.active)
                .map((d) => ({ value: d.id, label: d.name }))}
            />
          </Form.Item>
          <Form.Item
            name="room"
            label={t('room')}
            rules={[{ required: true, message: '请填写诊室' }]}
            style={{ width: 100 }}
          >
            <Input maxLength={20} />
          </Form.Item>
        </Space.Compact>
        <Space wrap>
          <Form.Item name="date" label={t('date')} rules={[{ required: true, message: '请选择日期' }]}>
            <Input type="date" data-testid="plan-date" />
          </Form.Item>
          <Form.Item name="startTime" label={t('from')} rules={[{ required: true, message: '请选择开始时间' }]}>
            <Input type="time" data-testid="plan-start" />
          </Form.Item>
          <Form.Item name="endTime" label={t('to')} rules={[{ required: true, message: '请选择结束时间' }]}>
            <Input type="time" data-testid="plan-end" />
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
