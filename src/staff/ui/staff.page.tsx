import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Popconfirm, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import { useOrgs } from '../../orgs/ui/orgs.api.ts';
import { ROLES, type Role } from '../../platform/roles.ts';
import { useCurrentUser, useMayCall } from '../../web/current-user.ts';
import { errorMessage } from '../../web/error-alert.tsx';
import { formatDateTime } from '../../web/format.ts';
import { DataList } from '../../web/kit/data-list.tsx';
import { useListParams } from '../../web/kit/list-params.ts';
import { common, roleLabel, useLang, useT } from '../../web/i18n.ts';
import { Page } from '../../web/page.tsx';
import type { StaffMember } from '../staff.schema.ts';

type Filters = { orgId?: number; role?: string; status?: string };
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
  const canExport = useMayCall('GET /api/staff/export');
  const control = useListParams<Filters>({}, { inUrl: true });
  const { params } = control;
  const list = useStaffList(params);
  const orgs = useOrgs();
  const setDisabled = useSetDisabled();
  const reset = useResetPassword();
  const [creating, setCreating] = useState(false);
  const [issued, setIssued] = useState<Issued | null>(null);
  const onError = (err: unknown) => void message.error(errorMessage(err));

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
      <DataList<StaffMember>
        size="small"
        rowKey={(s) => s.id}
        data={list.data}
        loading={list.isFetching && !list.data}
        error={list.isError ? list.error : undefined}
        onRetry={() => void list.refetch()}
        params={params}
        onPaging={control.setPaging}
        search={{ placeholder: t('searchPh'), onSearch: (q) => control.setFilter({ q }), width: 220 }}
        filters={
          <>
            <Select<number>
              allowClear
              placeholder={t('allOrgs')}
              aria-label={t('allOrgs')}
              showSearch={{ optionFilterProp: 'label' }}
              style={{ width: 220 }}
              value={params.orgId === undefined ? undefined : Number(params.orgId)}
              options={(orgs.data ?? []).map((o) => ({ value: o.id, label: o.name }))}
              onChange={(orgId) => control.setFilter({ orgId })}
            />
            <Select<Role>
              allowClear
              placeholder={t('allRoles')}
              aria-label={t('allRoles')}
              style={{ width: 180 }}
              value={params.role as Role | undefined}
              options={ROLES.map((r) => ({ value: r, label: roleLabel(r, lang) }))}
              onChange={(role) => control.setFilter({ role })}
            />
            <Select
              allowClear
              placeholder={t('status')}
              aria-label={t('status')}
              style={{ width: 120 }}
              value={params.status}
              options={[
                { value: 'active', label: t('normal') },
                { value: 'disabled', label: t('disabled') },
                { value: 'locked', label: t('locked') },
              ]}
              onChange={(status?: string) => control.setFilter({ status })}
            />
          </>
        }
        exportTo={canExport ? { url: '/api/staff/export', query: params } : null}
        scrollX={1080}
        columns={[
          {
            key: 'username',
            title: t('username'),
            fixed: 'left',
            width: 130,
            sortKey: 'username',
            mobile: 'title',
            render: (s) => s.username,
          },
          {
            key: 'displayName',
            title: t('displayName'),
            width: 90,
            sortKey: 'displayName',
            render: (s) => s.displayName,
          },
          {
            key: 'roles',
            title: t('roles'),
            width: 150,
            render: (s) => (
              <Space size={[0, 4]} wrap>
                {s.roles.map((r) => (
                  <Tag key={r} color="blue">
                    {roleLabel(r, lang)}
                  </Tag>
                ))}
              </Space>
            ),
          },
          { key: 'org', title: t('org'), width: 160, sortKey: 'orgName', render: (s) => s.orgName },
          { key: 'title', title: t('title'), width: 90, render: (s) => s.title ?? '—' },
          {
            key: 'mobile',
            title: t('mobile'),
            width: 115,
            render: (s) => <span className="oc-mono">{s.mobile ?? '—'}</span>,
          },
          { key: 'status', title: t('status'), width: 120, mobile: 'extra', render: status },
          {
            key: 'lastLogin',
            title: t('lastLogin'),
            width: 150,
            sortKey: 'lastLoginAt',
            render: (s) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(s.lastLoginAt)}</span>,
          },
          { key: 'actions', title: c('actions'), fixed: 'right', width: 160, mobile: 'plain', render: actions },
        ]}
      />
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
