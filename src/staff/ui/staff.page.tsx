import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Input, Popconfirm, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useOrgs } from '../../orgs/ui/orgs.api.ts';
import { ROLES, type Role } from '../../platform/roles.ts';
import { useCurrentUser } from '../../web/current-user.ts';
import { ErrorAlert, errorMessage } from '../../web/error-alert.tsx';
import { formatTime } from '../../web/format.ts';
import { common, roleLabel, useLang, useT } from '../../web/i18n.ts';
import { Page } from '../../web/page.tsx';
import type { StaffMember, StaffQuery } from '../staff.schema.ts';
import { StaffCreateModal } from './staff-create-modal.tsx';
import { useResetPassword, useSetDisabled, useStaffList } from './staff.api.ts';
import { staffMessages } from './staff.i18n.ts';
import { TempPasswordModal } from './temp-password-modal.tsx';

type Issued = { username: string; displayName: string; password: string };

/** 账号管理 (admins): accounts of the orgs below the admin's home. */
export function StaffPage() {
  const t = useT(staffMessages);
  const c = useT(common);
  const lang = useLang();
  const me = useCurrentUser();
  const { message } = App.useApp();
  const [query, setQuery] = useState<StaffQuery>({});
  const list = useStaffList(query);
  const orgs = useOrgs();
  const setDisabled = useSetDisabled();
  const reset = useResetPassword();
  const [creating, setCreating] = useState(false);
  const [issued, setIssued] = useState<Issued | null>(null);
  const onError = (err: unknown) => message.error(errorMessage(err));

  const status = (s: StaffMember) => (
    <Space size={[0, 4]} wrap>
      {s.disabled ? (
        <Tag color="default">{t('disabled')}</Tag>
      ) : s.locked ? null : (
        <Tag color="green">{t('normal')}</Tag>
      )}
      {s.locked ? <Tag color="red">{t('locked')}</Tag> : null}
      {s.mustChangePassword ? <Tag color="gold">{t('mustChange')}</Tag> : null}
    </Space>
  );
  const actions = (s: StaffMember) => (
    <Space size={4}>
      <Popconfirm
        title={s.disabled || s.locked ? t('enableHint') : t('disableHint')}
        disabled={s.id === me.id}
        onConfirm={() => setDisabled.mutate({ id: s.id, disabled: !(s.disabled || s.locked) }, { onError })}
      >
        <Button size="small" danger={!(s.disabled || s.locked)} disabled={s.id === me.id}>
          {s.disabled || s.locked ? t('enable') : t('disable')}
        </Button>
      </Popconfirm>
      <Popconfirm
        title={t('resetHint')}
        onConfirm={() =>
          reset.mutate(s.id, {
            onSuccess: (r) =>
              setIssued({
                username: r.staff.username,
                displayName: r.staff.displayName,
                password: r.temporaryPassword,
              }),
            onError,
          })
        }
      >
        <Button size="small">{t('resetPassword')}</Button>
      </Popconfirm>
    </Space>
  );

  return (
    <Page
      title={c('nav.staff')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          {t('newAccount')}
        </Button>
      }
    >
      <div className="oc-filters">
        <Select<number>
          allowClear
          placeholder={t('allOrgs')}
          showSearch={{ optionFilterProp: 'label' }}
          style={{ width: 220 }}
          options={(orgs.data ?? []).map((o) => ({ value: o.id, label: o.name }))}
          onChange={(orgId) => setQuery((q) => ({ ...q, orgId }))}
        />
        <Select<Role>
          allowClear
          placeholder={t('allRoles')}
          style={{ width: 180 }}
          options={ROLES.map((r) => ({ value: r, label: roleLabel(r, lang) }))}
          onChange={(role) => setQuery((q) => ({ ...q, role }))}
        />
        <Input.Search
          allowClear
          placeholder={t('searchPh')}
          style={{ width: 220 }}
          onSearch={(v) => setQuery((q) => ({ ...q, q: v.trim() || undefined }))}
        />
      </div>
      {list.isError ? <ErrorAlert error={list.error} onRetry={() => list.refetch()} /> : null}
      <Card size="small">
        <Table<StaffMember>
          rowKey="id"
          size="small"
          loading={list.isPending}
          dataSource={list.data ?? []}
          scroll={{ x: 1080 }}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
          columns={[
            { title: t('username'), dataIndex: 'username', fixed: 'left', width: 130 },
            { title: t('displayName'), dataIndex: 'displayName', width: 90 },
            {
              title: t('roles'),
              dataIndex: 'roles',
              width: 150,
              render: (roles: Role[]) =>
                roles.map((r) => (
                  <Tag key={r} color="blue">
                    {roleLabel(r, lang)}
                  </Tag>
                )),
            },
            { title: t('org'), dataIndex: 'orgName', width: 160 },
            { title: t('title'), dataIndex: 'title', width: 90, render: (v: string | null) => v ?? '—' },
            { title: t('mobile'), dataIndex: 'mobile', width: 115, render: (v: string | null) => v ?? '—' },
            { title: t('status'), key: 'status', width: 120, render: (_, s) => status(s) },
            {
              title: t('lastLogin'),
              dataIndex: 'lastLoginAt',
              width: 160,
              render: (v: string | null) => <span style={{ whiteSpace: 'nowrap' }}>{formatTime(v, lang)}</span>,
            },
            { title: c('actions'), key: 'actions', fixed: 'right', width: 160, render: (_, s) => actions(s) },
          ]}
        />
      </Card>
      {creating ? (
        <StaffCreateModal
          onClose={() => setCreating(false)}
          onCreated={(r) => {
            setCreating(false);
            message.success(t('created'));
            setIssued(r);
          }}
        />
      ) : null}
      {issued ? <TempPasswordModal result={issued} onClose={() => setIssued(null)} /> : null}
    </Page>
  );
}
