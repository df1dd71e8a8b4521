import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Col,
  Empty,
  Form,
  Input,
  InputNumber,
  Modal,
  Row,
  Select,
  Space,
  Switch,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { z } from 'zod';
import { org } from '../../orgs/orgs.schema.ts';
import { staffPage } from '../../staff/staff.schema.ts';
import { apiGet, apiSend } from '../../web/api.ts';
import { useCurrentUser, useMayCall } from '../../web/current-user.ts';
import { ErrorAlert } from '../../web/error-alert.tsx';
import { applyServerError, validateWith } from '../../web/form-errors.ts';
import { formatMoney, todayShanghai } from '../../web/format.ts';
import { useLang, useT } from '../../web/i18n.ts';
import { DateInput } from '../../web/kit/date-input.tsx';
import { Page } from '../../web/page.tsx';
import { useIsMobile } from '../../web/use-is-mobile.ts';
import { packageCreate, teamCreate } from '../fd.schema.ts';
import {
  DEFAULT_UNIT,
  fdSettings,
  PACKAGE_CATEGORIES,
  PACKAGE_TARGETS,
  SERVICE_KINDS,
  TEAM_ROLES,
  usePackages,
  useSettings,
  useTeams,
  type FdPackage,
  type Team,
} from './fd.api.ts';
import { fdMessages, serviceKindLabel, targetLabel, teamRoleLabel } from './fd.i18n.ts';

const CATEGORY_COLOR = { basic: 'blue', personalised: 'green', paid: 'orange' } as const;
const yuan = (fen: number) => formatMoney(fen);

/** 团队与服务包: 1+1+N teams, versioned service packages and the feature's settings. */
export function TeamsPage() {
  const t = useT(fdMessages);
  const mayPackage = useMayCall('POST /api/fd/packages');
  const maySettings = useMayCall('PATCH /api/fd/settings');
  const [tab, setTab] = useState('teams');
  return (
    <Page title={t('teamsTitle')}>
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          { key: 'teams', label: t('teams'), children: <TeamsTab /> },
          { key: 'packages', label: t('packagesTitle'), children: <PackagesTab mayEdit={mayPackage} /> },
          ...(maySettings ? [{ key: 'settings', label: t('settings'), children: <SettingsTab /> }] : []),
        ]}
      />
    </Page>
  );
}

function TeamsTab() {
  const t = useT(fdMessages);
  const lang = useLang();
  const teams = useTeams();
  const mayCreate = useMayCall('POST /api/fd/teams');
  const [creating, setCreating] = useState(false);
  const items = teams.data?.items ?? [];
  return (
    <>
      {mayCreate ? (
        <Button type="primary" icon={<PlusOutlined />} style={{ marginBottom: 12 }} onClick={() => setCreating(true)}>
          {t('newTeamBtn')}
        </Button>
      ) : null}
      {teams.isError ? <ErrorAlert error={teams.error} onRetry={() => void teams.refetch()} /> : null}
      {teams.data && items.length === 0 ? <Empty description={t('noTeams')} /> : null}
      <Row gutter={[12, 12]}>
        {items.map((x: Team) => (
          <Col key={x.id} xs={24} lg={12}>
            <Card
              size="small"
              data-team={x.name}
              title={x.name}
              extra={
                <Tag color="green">
                  {t('activeContracts')} {x.activeContracts}
                </Tag>
              }
            >
              <Typography.Paragraph style={{ marginBottom: 6 }}>
                <Typography.Text type="secondary">{t('township')}：</Typography.Text>
                {x.orgName}
                {' · '}
                <Typography.Text type="secondary">{t('lead')}：</Typography.Text>
                {x.leadName}
              </Typography.Paragraph>
              <Typography.Text type="secondary">{t('members')}：</Typography.Text>
              <div style={{ margin: '4px 0 8px' }}>
                {x.members.map((m) => (
                  <Tag key={`${m.staffId}-${m.fromDate}`} style={{ marginBottom: 4, whiteSpace: 'normal' }}>
                    {m.name}·{teamRoleLabel(m.role, lang)}
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {' '}
                      {m.fromDate}–{m.toDate ?? ''}
                    </Typography.Text>
                  </Tag>
                ))}
              </div>
              <Typography.Text type="secondary">{t('villages')}：</Typography.Text>
              {x.villages.map((v) => v.name).join('、')}
            </Card>
          </Col>
        ))}
      </Row>
      {creating ? <TeamModal onClose={() => setCreating(false)} /> : null}
    </>
  );
}

const orgList = z.array(org);

function TeamModal({ onClose }: { onClose: () => void }) {
  const t = useT(fdMessages);
  const lang = useLang();
  const me = useCurrentUser();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const mayListStaff = useMayCall('GET /api/staff');
  const [staffQ, setStaffQ] = useState('');
  const orgs = useQuery({ queryKey: ['orgs'], queryFn: () => apiGet('/api/orgs', orgList), staleTime: 300_000 });
  const staff = useQuery({
    queryKey: ['fd-staff', staffQ],
    queryFn: () => apiGet('/api/staff', staffPage, { q: staffQ || undefined, pageSize: 50 }),
    enabled: mayListStaff,
  });
  const orgId = Form.useWatch('orgId', form) as number | undefined;
  const members = (Form.useWatch('members', form) ?? []) as Array<{ staffId?: number }>;
  const townships = (orgs.data ?? []).filter((o) => o.kind === 'township_center' || o.kind === 'community_center');
  const villages = (orgs.data ?? []).filter((o) => o.parentId === orgId && o.kind === 'village_clinic');
  const staffName = new Map((staff.data?.items ?? []).map((s) => [s.id, `${s.displayName}（${s.orgName}）`]));
  staffName.set(me.id, staffName.get(me.id) ?? `${me.displayName}（${me.org.name}）`);
  const staffOptions = [...staffName.entries()].map(([value, label]) => ({ value, label }));
  const save = useMutation({
    mutationFn: (body: unknown) => apiSend('POST', '/api/fd/teams', body, z.object({ id: z.number() })),
    onSuccess: () => {
      void message.success(t('created'));
      void qc.invalidateQueries({ queryKey: ['fd-teams'] });
      onClose();
    },
    onError: (e) =>
      applyServerError(form, e, ['orgId', 'name', 'leadStaffId', 'members', 'villageOrgIds'], { nested: true }),
  });
  const staffInput = (name: number) =>
    mayListStaff ? (
      <Select
        showSearch={{ filterOption: false, onSearch: setStaffQ }}
        aria-label={t('staff')}
        placeholder={t('staff')}
        options={staffOptions}
        style={{ minWidth: 180 }}
      />
    ) : (
      <InputNumber
        aria-label={t('staffIdHint')}
        placeholder={t('staffIdHint')}
        min={1}
        style={{ width: 180 }}
        key={name}
      />
    );
  return (
    <Modal
      open
      width={760}
      title={t('newTeamBtn')}
      onCancel={onClose}
      okText={t('save')}
      cancelText={t('cancel')}
      okButtonProps={{ loading: save.isPending }}
      onOk={() => {
        const body = validateWith(form, teamCreate, form.getFieldsValue(true), { nested: true });
        if (body) save.mutate(body);
      }}
      destroyOnHidden
    >
      {save.isError ? <ErrorAlert error={save.error} /> : null}
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          orgId: me.org.kind === 'township_center' || me.org.kind === 'community_center' ? me.org.id : undefined,
          members: [
            {
              staffId: me.id,
              role: me.roles.includes('village_doctor') ? 'village_doctor' : 'township_doctor',
              fromDate: todayShanghai(),
            },
          ],
          leadStaffId: me.id,
          villageOrgIds: [],
        }}
      >
        <Form.Item name="orgId" label={t('township')} required>
          <Select aria-label={t('township')} options={townships.map((o) => ({ value: o.id, label: o.name }))} />
        </Form.Item>
        <Form.Item name="name" label={t('teamName')} required>
          <Input aria-label={t('teamName')} maxLength={60} />
        </Form.Item>
        <Form.Item name="villageOrgIds" label={t('villages')} required>
          <Select
            mode="multiple"
            aria-label={t('villages')}
            options={villages.map((o) => ({ value: o.id, label: o.name }))}
          />
        </Form.Item>
        <Form.Item label={t('members')} required name="members" style={{ marginBottom: 0 }}>
          <Form.List name="members">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Space key={f.key} wrap align="start" style={{ marginBottom: 4 }}>
                    <Form.Item name={[f.name, 'staffId']} noStyle>
                      {staffInput(f.name)}
                    </Form.Item>
                    <Form.Item name={[f.name, 'role']} noStyle>
                      <Select
                        aria-label={t('role')}
                        style={{ width: 140 }}
                        options={TEAM_ROLES.map((r) => ({ value: r, label: teamRoleLabel(r, lang) }))}
                      />
                    </Form.Item>
                    <Form.Item name={[f.name, 'fromDate']} noStyle>
                      <DateInput aria-label={t('fromDate')} placeholder={t('fromDate')} style={{ width: 140 }} />
                    </Form.Item>
                    <MinusCircleOutlined aria-label="remove" onClick={() => remove(f.name)} style={{ marginTop: 8 }} />
                  </Space>
                ))}
                <Button
                  type="dashed"
                  icon={<PlusOutlined />}
                  onClick={() => add({ role: 'village_doctor', fromDate: todayShanghai() })}
                  style={{ marginBottom: 16 }}
                >
                  {t('addMember')}
                </Button>
              </>
            )}
          </Form.List>
        </Form.Item>
        <Form.Item name="leadStaffId" label={t('lead')} required>
          <Select
            aria-label={t('lead')}
            options={members
              .filter((m) => m.staffId)
              .map((m) => ({ value: m.staffId, label: staffName.get(m.staffId ?? 0) ?? `#${m.staffId}` }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function PackagesTab({ mayEdit }: { mayEdit: boolean }) {
  const t = useT(fdMessages);
  const lang = useLang();
  const mobile = useIsMobile();
  const packages = usePackages();
  const [editing, setEditing] = useState<FdPackage | 'new' | null>(null);
  const rows = packages.data?.items ?? [];
  return (
    <>
      {mayEdit ? (
        <Button type="primary" icon={<PlusOutlined />} style={{ marginBottom: 12 }} onClick={() => setEditing('new')}>
          {t('newPackage')}
        </Button>
      ) : null}
      {packages.isError ? <ErrorAlert error={packages.error} onRetry={() => void packages.refetch()} /> : null}
      {mobile ? (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {rows.map((p) => (
            <Card
              key={p.id}
              size="small"
              data-package={`${p.code}-${p.version}`}
              style={p.current ? { borderColor: '#1668dc' } : { opacity: 0.75 }}
              title={
                <Space wrap size={4}>
                  <Tag color={CATEGORY_COLOR[p.category]}>{t(p.category)}</Tag>
                  {p.name}
                </Space>
              }
              extra={p.current ? <Tag color="blue">{t('current')}</Tag> : `v${p.version}`}
            >
              <PackageFacts p={p} />
              {mayEdit && p.current ? (
                <Button size="small" style={{ marginTop: 8 }} onClick={() => setEditing(p)}>
                  {t('newVersion')}
                </Button>
              ) : null}
            </Card>
          ))}
        </Space>
      ) : (
        <Table<FdPackage>
          size="small"
          rowKey="id"
          dataSource={rows}
          pagination={false}
          scroll={{ x: 1150 }}
          onRow={(p) =>
            ({
              'data-package': `${p.code}-${p.version}`,
              style: p.current ? { background: '#f0f7ff' } : { color: '#8c8c8c' },
            }) as object
          }
          expandable={{
            expandedRowRender: (p) => <PackageItems p={p} />,
          }}
          columns={[
            { title: t('code'), dataIndex: 'code', width: 110 },
            {
              title: t('version'),
              width: 90,
              render: (_, p) => (
                <Space size={4}>
                  v{p.version}
                  {p.current ? <Tag color="blue">{t('current')}</Tag> : null}
                </Space>
              ),
            },
            {
              title: t('name'),
              width: 220,
              render: (_, p) => <Typography.Text strong={p.current}>{p.name}</Typography.Text>,
            },
            {
              title: t('category'),
              width: 110,
              render: (_, p) => (
                <Space size={4}>
                  <Tag color={CATEGORY_COLOR[p.category]}>{t(p.category)}</Tag>
                  {p.target ? targetLabel(p.target, lang) : null}
                </Space>
              ),
            },
            { title: t('price'), width: 90, align: 'right', render: (_, p) => yuan(p.priceFen) },
            {
              title: `${t('fundPublicHealth')} / ${t('fundInsurance')} / ${t('fundSelf')}`,
              width: 210,
              render: (_, p) => `${yuan(p.fundPublicHealthFen)} / ${yuan(p.fundInsuranceFen)} / ${yuan(p.fundSelfFen)}`,
            },
            { title: t('effective'), width: 190, render: (_, p) => `${p.effectiveFrom} – ${p.effectiveTo ?? ''}` },
            {
              title: t('items'),
              width: 70,
              align: 'right',
              render: (_, p) => p.items.length,
            },
            ...(mayEdit
              ? [
                  {
                    title: '',
                    width: 90,
                    render: (_: unknown, p: FdPackage) =>
                      p.current ? (
                        <Button size="small" onClick={() => setEditing(p)}>
                          {t('newVersion')}
                        </Button>
                      ) : null,
                  },
                ]
              : []),
          ]}
        />
      )}
      {editing ? <PackageModal base={editing === 'new' ? null : editing} onClose={() => setEditing(null)} /> : null}
    </>
  );
}

function PackageFacts({ p }: { p: FdPackage }) {
  const t = useT(fdMessages);
  return (
    <>
      <div>
        {p.code} v{p.version} · {p.effectiveFrom} – {p.effectiveTo ?? ''}
      </div>
      <div>
        {t('price')} {yuan(p.priceFen)}（{t('fundPublicHealth')} {yuan(p.fundPublicHealthFen)} · {t('fundInsurance')}{' '}
        {yuan(p.fundInsuranceFen)} · {t('fundSelf')} {yuan(p.fundSelfFen)}）
      </div>
      <PackageItems p={p} />
    </>
  );
}

function PackageItems({ p }: { p: FdPackage }) {
  const t = useT(fdMessages);
  const lang = useLang();
  return (
    <ul style={{ margin: '4px 0 0', paddingLeft: 18 }}>
      {p.items.map((i) => (
        <li key={i.itemCode}>
          {i.name}（{serviceKindLabel(i.serviceKind, lang)}）× {i.quota}
          {i.unit}
          {i.countsAsFollowup ? (
            <Tag color="blue" style={{ marginLeft: 6 }}>
              {t('countsAsFollowup')}
            </Tag>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

function PackageModal({ base, onClose }: { base: FdPackage | null; onClose: () => void }) {
  const t = useT(fdMessages);
  const lang = useLang();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const category = Form.useWatch('category', form) as string | undefined;
  const save = useMutation({
    mutationFn: (body: unknown) =>
      apiSend('POST', '/api/fd/packages', body, z.object({ id: z.number(), version: z.number() })),
    onSuccess: (r) => {
      void message.success(`${t('created')}（v${r.version}）`);
      void qc.invalidateQueries({ queryKey: ['fd-packages'] });
      onClose();
    },
    onError: (e) =>
      applyServerError(form, e, ['code', 'name', 'category', 'effectiveFrom', 'items', 'fundSelfFen'], {
        nested: true,
      }),
  });
  const toFen = (y: unknown) => (typeof y === 'number' ? Math.round(y * 100) : 0);
  return (
    <Modal
      open
      width={820}
      title={base ? `${t('newVersion')} · ${base.name}` : t('newPackage')}
      onCancel={onClose}
      okText={t('save')}
      cancelText={t('cancel')}
      okButtonProps={{ loading: save.isPending }}
      onOk={() => {
        const v = form.getFieldsValue(true) as Record<string, unknown>;
        const body = validateWith(
          form,
          packageCreate,
          {
            ...v,
            target: v.target ?? undefined,
            fundPublicHealthFen: toFen(v.fundPublicHealthYuan),
            fundInsuranceFen: toFen(v.fundInsuranceYuan),
            fundSelfFen: toFen(v.fundSelfYuan),
          },
          { nested: true },
        );
        if (body) save.mutate(body);
      }}
      destroyOnHidden
    >
      {save.isError ? <ErrorAlert error={save.error} /> : null}
      <Form
        form={form}
        layout="vertical"
        initialValues={
          base
            ? {
                code: base.code,
                name: base.name,
                category: base.category,
                target: base.target ?? undefined,
                fundPublicHealthYuan: base.fundPublicHealthFen / 100,
                fundInsuranceYuan: base.fundInsuranceFen / 100,
                fundSelfYuan: base.fundSelfFen / 100,
                effectiveFrom: undefined,
                items: base.items,
              }
            : {
                category: 'basic',
                effectiveFrom: todayShanghai(),
                items: [{ unit: DEFAULT_UNIT, quota: 1, countsAsFollowup: false }],
              }
        }
      >
        <Row gutter={12}>
          <Col xs={24} sm={8}>
            <Form.Item name="code" label={t('code')} required>
              <Input aria-label={t('code')} disabled={base !== null} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={16}>
            <Form.Item name="name" label={t('name')} required>
              <Input aria-label={t('name')} maxLength={60} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={8}>
            <Form.Item name="category" label={t('category')} required>
              <Select aria-label={t('category')} options={PACKAGE_CATEGORIES.map((c) => ({ value: c, label: t(c) }))} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={8}>
            <Form.Item name="target" label={t('target')}>
              <Select
                allowClear
                aria-label={t('target')}
                options={PACKAGE_TARGETS.map((c) => ({ value: c, label: targetLabel(c, lang) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item name="effectiveFrom" label={t('effective')} required>
              <DateInput aria-label={t('effective')} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={8}>
            <Form.Item name="fundPublicHealthYuan" label={`${t('fundPublicHealth')}（${t('yuan')}）`}>
              <InputNumber aria-label={t('fundPublicHealth')} min={0} precision={2} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={8}>
            <Form.Item name="fundInsuranceYuan" label={`${t('fundInsurance')}（${t('yuan')}）`}>
              <InputNumber aria-label={t('fundInsurance')} min={0} precision={2} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={8}>
            <Form.Item name="fundSelfYuan" label={`${t('fundSelf')}（${t('yuan')}）`} validateStatus={undefined}>
              <InputNumber
                aria-label={t('fundSelf')}
                min={0}
                precision={2}
                disabled={category !== 'paid'}
                style={{ width: '100%' }}
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label={t('items')} name="items" required style={{ marginBottom: 0 }}>
          <Form.List name="items">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Space key={f.key} wrap align="center" style={{ marginBottom: 6 }}>
                    <Form.Item name={[f.name, 'itemCode']} noStyle>
                      <Input aria-label={t('itemCode')} placeholder={t('itemCode')} style={{ width: 120 }} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'name']} noStyle>
                      <Input aria-label={t('itemName')} placeholder={t('itemName')} style={{ width: 150 }} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'serviceKind']} noStyle>
                      <Select
                        aria-label={t('serviceKind')}
                        placeholder={t('serviceKind')}
                        style={{ width: 130 }}
                        options={SERVICE_KINDS.map((k) => ({ value: k, label: serviceKindLabel(k, lang) }))}
                      />
                    </Form.Item>
                    <Form.Item name={[f.name, 'quota']} noStyle>
                      <InputNumber
                        aria-label={t('quota')}
                        placeholder={t('quota')}
                        min={1}
                        max={365}
                        style={{ width: 80 }}
                      />
                    </Form.Item>
                    <Form.Item name={[f.name, 'countsAsFollowup']} noStyle valuePropName="checked">
                      <Switch aria-label={t('countsAsFollowup')} size="small" />
                    </Form.Item>
                    <span style={{ fontSize: 12 }}>{t('countsAsFollowup')}</span>
                    <MinusCircleOutlined aria-label="remove" onClick={() => remove(f.name)} />
                  </Space>
                ))}
                <Button
                  type="dashed"
                  icon={<PlusOutlined />}
                  onClick={() => add({ unit: DEFAULT_UNIT, quota: 1, countsAsFollowup: false })}
                >
                  {t('addItem')}
                </Button>
              </>
            )}
          </Form.List>
        </Form.Item>
      </Form>
    </Modal>
  );
}

function SettingsTab() {
  const t = useT(fdMessages);
  const { message } = App.useApp();
  const qc = useQueryClient();
  const settings = useSettings();
  const [form] = Form.useForm();
  const save = useMutation({
    mutationFn: (body: unknown) => apiSend('PATCH', '/api/fd/settings', body, fdSettings),
    onSuccess: (s) => {
      qc.setQueryData(['fd-settings'], s);
      void message.success(t('saved'));
    },
  });
  if (settings.isError) return <ErrorAlert error={settings.error} onRetry={() => void settings.refetch()} />;
  if (!settings.data) return null;
  const fields = ['gridMaxPatients', 'doctorMaxGrids', 'renewalWindowDays', 'idleDays'] as const;
  return (
    <Card size="small" style={{ maxWidth: 520 }}>
      {save.isError ? <ErrorAlert error={save.error} /> : null}
      <Form form={form} layout="vertical" initialValues={settings.data} onFinish={(v) => save.mutate(v)}>
        {fields.map((f) => (
          <Form.Item key={f} name={f} label={t(f)} rules={[{ required: true }]}>
            <InputNumber aria-label={t(f)} min={1} max={365} style={{ width: 160 }} />
          </Form.Item>
        ))}
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t('save')}
        </Button>
      </Form>
    </Card>
  );
}
