import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Badge,
  Button,
  Form,
  Input,
  Modal,
  Popconfirm,
  Progress,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { z } from 'zod';
import { gridCreate } from '../chronic.schema.ts';
import { staffPage } from '../../staff/staff.schema.ts';
import { apiGet, apiSend } from '../../web/api.ts';
import { useCurrentUser, useMayCall } from '../../web/current-user.ts';
import { ErrorAlert } from '../../web/error-alert.tsx';
import { applyServerError, validateWith } from '../../web/form-errors.ts';
import { useLang, useT } from '../../web/i18n.ts';
import { Page } from '../../web/page.tsx';
import { useIsMobile } from '../../web/use-is-mobile.ts';
import { useOrgs } from '../../orgs/ui/orgs.api.ts';
import { ResidentSelect } from './cases.page.tsx';
import { CHRONIC_KEY, casePage, okId, useGrids, type GridRow } from './chronic.api.ts';
import { chronicMessages, DISEASE, label } from './chronic.i18n.ts';
import { clearEdited, clearErrors } from './form-kit.ts';
import { Rows } from './rows.tsx';

/** 网格管理: grids of my villages, their load, alerts and meetings; place and remove patients. */
export function GridsPage() {
  const t = useT(chronicMessages);
  const mobile = useIsMobile();
  const grids = useGrids();
  const canCreate = useMayCall('POST /api/grids');
  const canPlace = useMayCall('POST /api/grids/:id/patients');
  const [creating, setCreating] = useState(false);
  const [adding, setAdding] = useState<GridRow | null>(null);
  const [viewing, setViewing] = useState<GridRow | null>(null);
  const max = grids.data?.maxPatients ?? 0;
  return (
    <Page
      title={t('gridsTitle')}
      extra={
        canCreate ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('newGrid')}
          </Button>
        ) : null
      }
    >
      {grids.isError ? <ErrorAlert error={grids.error} onRetry={() => void grids.refetch()} /> : null}
      {grids.data ? (
        <Typography.Paragraph type="secondary">
          {t('limits', { p: grids.data.maxPatients, g: grids.data.maxGridsPerDoctor })}
        </Typography.Paragraph>
      ) : null}
      <div className="oc-list" style={{ background: '#fff', padding: mobile ? 0 : 8, borderRadius: 8 }}>
        <Rows<GridRow>
          rows={grids.data?.items ?? []}
          rowKey={(g) => g.id}
          rowProps={(g) => ({ 'data-grid-id': g.id })}
          columns={[
            { key: 'name', title: t('gridName'), mobile: 'title', render: (g) => <strong>{g.name}</strong> },
            { key: 'org', title: t('village'), render: (g) => g.org_name },
            { key: 'member', title: t('gridMember'), width: 90, render: (g) => g.member_name },
            { key: 'doctor', title: t('doctor'), width: 90, render: (g) => g.doctor_name },
            {
              key: 'patients',
              title: t('members'),
              width: 170,
              render: (g) => (
                <Space>
                  <Progress
                    percent={max ? Math.round((g.patients / max) * 100) : 0}
                    size="small"
                    showInfo={false}
                    status={g.patients >= max ? 'exception' : 'normal'}
                    style={{ width: 80, margin: 0 }}
                  />
                  <span>
                    {g.patients}/{max}
                  </span>
                </Space>
              ),
            },
            {
              key: 'alerts',
              title: t('openAlerts'),
              width: 90,
              mobile: 'extra',
              render: (g) => <Badge count={g.open_alerts} showZero color={g.open_alerts ? '#cf1322' : '#d9d9d9'} />,
            },
            { key: 'log', title: t('lastLog'), width: 110, render: (g) => g.last_log ?? '—' },
            {
              key: 'actions',
              title: t('actions'),
              width: 190,
              mobile: 'actions',
              render: (g) => (
                <Space>
                  <Button size="small" onClick={() => setViewing(g)}>
                    {t('gridPatients')}
                  </Button>
                  {canPlace ? (
                    <Button size="small" type="primary" onClick={() => setAdding(g)}>
                      {t('addPatient')}
                    </Button>
                  ) : null}
                </Space>
              ),
            },
          ]}
        />
      </div>
      {creating ? <NewGridModal onClose={() => setCreating(false)} /> : null}
      {adding ? <AddPatientModal grid={adding} onClose={() => setAdding(null)} /> : null}
      {viewing ? <GridPatientsModal grid={viewing} canRemove={canPlace} onClose={() => setViewing(null)} /> : null}
    </Page>
  );
}

const teamList = z.object({
  items: z.array(
    z.looseObject({
      members: z.array(z.looseObject({ staffId: z.number(), name: z.string(), role: z.string() })),
    }),
  ),
});

/** the people a grid can be given: the staff list for an administrator, else the family-doctor teams */
function useStaffChoices(orgId: number | undefined) {
  const me = useCurrentUser();
  const admin = me.roles.includes('admin');
  const grids = useGrids();
  const staff = useQuery({
    queryKey: ['chronic-staff', orgId],
    queryFn: async () => {
      const [members, doctors] = await Promise.all(
        (['grid_member', 'village_doctor'] as const).map((role) =>
          apiGet('/api/staff', staffPage, { role, orgId, pageSize: 100 }),
        ),
      );
      return { members: members.items, doctors: doctors.items };
    },
    enabled: admin && orgId !== undefined,
  });
  const teams = useQuery({
    queryKey: ['chronic-teams'],
    queryFn: () => apiGet('/api/fd/teams', teamList),
    enabled: !admin,
    retry: false,
  });
  return useMemo(() => {
    const members = new Map<number, string>();
    const doctors = new Map<number, string>();
    if (admin) {
      for (const s of staff.data?.members ?? []) members.set(s.id, s.displayName);
      for (const s of staff.data?.doctors ?? []) doctors.set(s.id, s.displayName);
    } else {
      if (me.roles.includes('village_doctor')) doctors.set(me.id, me.displayName);
      for (const team of teams.data?.items ?? [])
        for (const m of team.members) {
          if (m.role === 'grid_member') members.set(m.staffId, m.name);
          if (m.role === 'village_doctor') doctors.set(m.staffId, m.name);
        }
      for (const g of grids.data?.items ?? []) {
        if (orgId === undefined || g.org_id === orgId) {
          members.set(g.member_staff_id, g.member_name);
          doctors.set(g.doctor_staff_id, g.doctor_name);
        }
      }
    }
    const opts = (m: Map<number, string>) => [...m].map(([value, text]) => ({ value, label: `${text}（${value}）` }));
    return { members: opts(members), doctors: opts(doctors) };
  }, [admin, staff.data, teams.data, grids.data, me, orgId]);
}

/** a staff member from the choices, or typed by staff id (员工编号) when they are not listed */
function StaffSelect({
  value,
  onChange,
  choices,
  ariaLabel,
}: {
  value?: number;
  onChange?: (v: number) => void;
  choices: Array<{ value: number; label: string }>;
  ariaLabel: string;
}) {
  const t = useT(chronicMessages);
  const [typed, setTyped] = useState('');
  const byId = /^\d{1,9}$/.test(typed.trim()) ? Number(typed.trim()) : null;
  const opts =
    byId !== null && !choices.some((c) => c.value === byId)
      ? [...choices, { value: byId, label: `${t('staffId')} ${byId}` }]
      : choices;
  return (
    <Select
      showSearch={{ onSearch: setTyped, optionFilterProp: 'label' }}
      value={value}
      onChange={onChange}
      aria-label={ariaLabel}
      placeholder={`${t('pickStaff')} / ${t('staffId')}`}
      options={
        value !== undefined && !opts.some((o) => o.value === value) ? [...opts, { value, label: String(value) }] : opts
      }
    />
  );
}

function NewGridModal({ onClose }: { onClose: () => void }) {
  const t = useT(chronicMessages);
  const me = useCurrentUser();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const orgs = useOrgs();
  const [form] = Form.useForm();
  const orgId = Form.useWatch('orgId', form) as number | undefined;
  const villages = (orgs.data ?? []).filter(
    (o) =>
      o.kind === 'village_clinic' && (me.roles.includes('admin') || o.id === me.org.id || o.parentId === me.org.id),
  );
  const choices = useStaffChoices(orgId);
  const create = useMutation({
    mutationFn: (body: unknown) => apiSend('POST', '/api/grids', body, okId),
    onSuccess: () => {
      void message.success(t('created'));
      void qc.invalidateQueries({ queryKey: CHRONIC_KEY });
      onClose();
    },
    onError: (err) => applyServerError(form, err, ['orgId', 'name', 'memberStaffId', 'doctorStaffId']),
  });
  const submit = () => {
    clearErrors(form);
    const ok = validateWith(form, gridCreate, form.getFieldsValue());
    if (ok) create.mutate(ok);
  };
  const initialOrg = me.org.kind === 'village_clinic' ? me.org.id : undefined;
  return (
    <Modal open title={t('newGrid')} onCancel={onClose} onOk={submit} confirmLoading={create.isPending}>
      <Form
        form={form}
        onValuesChange={(changed: Record<string, unknown>) => clearEdited(form, changed)}
        layout="vertical"
        initialValues={{
          orgId: initialOrg,
          doctorStaffId: me.roles.includes('village_doctor') ? me.id : undefined,
        }}
      >
        <Form.Item name="orgId" label={t('village')}>
          <Select
            aria-label={t('village')}
            showSearch={{ optionFilterProp: 'label' }}
            options={villages.map((v) => ({ value: v.id, label: v.name }))}
          />
        </Form.Item>
        <Form.Item name="name" label={t('gridName')}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="memberStaffId" label={t('gridMember')}>
          <StaffSelect choices={choices.members} ariaLabel={t('gridMember')} />
        </Form.Item>
        <Form.Item name="doctorStaffId" label={t('villageDoctor')}>
          <StaffSelect choices={choices.doctors} ariaLabel={t('villageDoctor')} />
        </Form.Item>
      </Form>
      {create.isError && !(create.error as { field?: string }).field ? <ErrorAlert error={create.error} /> : null}
    </Modal>
  );
}

function AddPatientModal({ grid, onClose }: { grid: GridRow; onClose: () => void }) {
  const t = useT(chronicMessages);
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm();
  const add = useMutation({
    mutationFn: (residentId: number) => apiSend('POST', `/api/grids/${grid.id}/patients`, { residentId }, okId),
    onSuccess: () => {
      void message.success(t('added'));
      void qc.invalidateQueries({ queryKey: CHRONIC_KEY });
      onClose();
    },
    onError: (err) => applyServerError(form, err, ['residentId']),
  });
  const submit = () => {
    clearErrors(form);
    const id = form.getFieldValue('residentId') as number | undefined;
    if (id) add.mutate(id);
    else form.setFields([{ name: 'residentId', errors: [t('residentSearch')] }]);
  };
  return (
    <Modal
      open
      title={`${t('addPatient')} · ${grid.name}`}
      onCancel={onClose}
      onOk={submit}
      confirmLoading={add.isPending}
    >
      <Form
        form={form}
        onValuesChange={(changed: Record<string, unknown>) => clearEdited(form, changed)}
        layout="vertical"
      >
        <Form.Item name="residentId" label={t('resident')}>
          <ResidentSelect orgId={grid.org_id} />
        </Form.Item>
      </Form>
      {add.isError && !(add.error as { field?: string }).field ? (
        <Alert type="error" showIcon title={add.error.message} />
      ) : null}
    </Modal>
  );
}

function GridPatientsModal({ grid, canRemove, onClose }: { grid: GridRow; canRemove: boolean; onClose: () => void }) {
  const t = useT(chronicMessages);
  const lang = useLang();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const cases = useQuery({
    queryKey: [...CHRONIC_KEY, 'grid-cases', grid.id],
    queryFn: () => apiGet('/api/chronic/cases', casePage, { gridId: grid.id, pageSize: 100, sort: 'name' }),
  });
  const people = useMemo(() => {
    const byResident = new Map<number, { residentId: number; name: string; diseases: string[]; age: number }>();
    for (const c of cases.data?.items ?? []) {
      const p = byResident.get(c.residentId) ?? {
        residentId: c.residentId,
        name: c.residentName,
        diseases: [],
        age: c.age,
      };
      p.diseases.push(c.disease);
      byResident.set(c.residentId, p);
    }
    return [...byResident.values()];
  }, [cases.data]);
  const remove = useMutation({
    mutationFn: (residentId: number) =>
      apiSend('POST', `/api/grids/${grid.id}/patients/${residentId}/remove`, {}, okId),
    onSuccess: () => {
      void message.success(t('removed'));
      void qc.invalidateQueries({ queryKey: CHRONIC_KEY });
    },
  });
  return (
    <Modal open title={`${t('gridPatients')} · ${grid.name}`} onCancel={onClose} footer={null}>
      {cases.isError ? <ErrorAlert error={cases.error} /> : null}
      {remove.isError ? <ErrorAlert error={remove.error} /> : null}
      <Rows
        rows={people}
        rowKey={(p) => p.residentId}
        columns={[
          { key: 'name', title: t('name'), mobile: 'title', render: (p) => p.name },
          {
            key: 'disease',
            title: t('disease'),
            render: (p) => (
              <Space size={4}>
                {p.diseases.map((d) => (
                  <Tag key={d}>{label(DISEASE, d, lang)}</Tag>
                ))}
              </Space>
            ),
          },
          {
            key: 'actions',
            title: t('actions'),
            width: 80,
            mobile: 'extra',
            render: (p) =>
              canRemove ? (
                <Popconfirm title={t('removeAsk', { name: p.name })} onConfirm={() => remove.mutate(p.residentId)}>
                  <Button size="small" danger>
                    {t('removePatient')}
                  </Button>
                </Popconfirm>
              ) : null,
          },
        ]}
      />
    </Modal>
  );
}
