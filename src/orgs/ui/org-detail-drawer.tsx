import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Descriptions, Drawer, Empty, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useMayCall } from '../../web/current-user.ts';
import { ErrorAlert } from '../../web/error-alert.tsx';
import { useLang, useT } from '../../web/i18n.ts';
import { useIsMobile } from '../../web/use-is-mobile.ts';
import type { Department, Org } from '../orgs.schema.ts';
import { DepartmentFormModal } from './department-form-modal.tsx';
import { OrgFormModal } from './org-form-modal.tsx';
import { useOrg } from './orgs.api.ts';
import { KIND_COLORS, kindLabel, levelLabel, orgMessages } from './orgs.i18n.ts';

/** One org with its departments; admins edit it or add a department from here. */
export function OrgDetailDrawer({
  id,
  orgs,
  onClose,
}: {
  id: number | null;
  orgs: readonly Org[];
  onClose: () => void;
}) {
  const t = useT(orgMessages);
  const lang = useLang();
  const mobile = useIsMobile();
  const detail = useOrg(id);
  const canEdit = useMayCall('PATCH /api/orgs/:id');
  const canAddDept = useMayCall('POST /api/orgs/:id/departments');
  const [editing, setEditing] = useState(false);
  const [addingDept, setAddingDept] = useState(false);
  const org = detail.data;
  const parentName =
    org?.parentId == null ? '—' : (orgs.find((o) => o.id === org.parentId)?.name ?? String(org.parentId));

  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size={mobile ? '100%' : 560}
      title={org?.name ?? t('detail')}
      extra={
        org && canEdit ? (
          <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
            {t('editOrg')}
          </Button>
        ) : null
      }
    >
      {detail.isError ? <ErrorAlert error={detail.error} onRetry={() => void detail.refetch()} /> : null}
      {detail.isPending && id !== null ? <Skeleton active /> : null}
      {org ? (
        <>
          <Descriptions
            size="small"
            column={1}
            bordered
            items={[
              { label: t('code'), children: org.code },
              { label: t('kind'), children: <Tag color={KIND_COLORS[org.kind]}>{kindLabel(org.kind, lang)}</Tag> },
              { label: t('level'), children: levelLabel(org.level, lang) },
              { label: t('parent'), children: parentName },
              { label: t('divisionCode'), children: org.divisionCode ?? '—' },
              { label: t('address'), children: org.address ?? '—' },
              {
                label: `${t('lat')} / ${t('lng')}`,
                children: org.lat !== null && org.lng !== null ? `${org.lat.toFixed(4)}, ${org.lng.toFixed(4)}` : '—',
              },
              { label: t('beds'), children: org.beds },
              { label: t('phone'), children: org.phone ?? '—' },
              {
                label: t('specialities'),
                children: org.specialities.length ? org.specialities.map((s) => <Tag key={s}>{s}</Tag>) : '—',
              },
              {
                label: t('status'),
                children: org.active ? <Tag color="green">{t('active')}</Tag> : <Tag>{t('inactive')}</Tag>,
              },
            ]}
          />
          <Space style={{ width: '100%', justifyContent: 'space-between', margin: '20px 0 8px' }}>
            <Typography.Title level={5} style={{ margin: 0 }}>
              {t('departments')}
            </Typography.Title>
            {canAddDept ? (
              <Button size="small" icon={<PlusOutlined />} onClick={() => setAddingDept(true)}>
                {t('newDept')}
              </Button>
            ) : null}
          </Space>
          <Table<Department>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={org.departments}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('noDepartments')} /> }}
            columns={[
              { title: t('code'), dataIndex: 'code', width: 90 },
              { title: t('name'), dataIndex: 'name' },
              { title: t('speciality'), dataIndex: 'speciality', render: (s: string | null) => s ?? '—' },
              {
                title: t('status'),
                dataIndex: 'active',
                width: 80,
                render: (a: boolean) => (a ? t('active') : t('inactive')),
              },
            ]}
          />
          {editing ? <OrgFormModal mode="edit" org={org} orgs={orgs} onClose={() => setEditing(false)} /> : null}
          {addingDept ? <DepartmentFormModal orgId={org.id} onClose={() => setAddingDept(false)} /> : null}
        </>
      ) : null}
    </Drawer>
  );
}
