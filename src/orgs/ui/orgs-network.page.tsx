import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Input, Row, Skeleton, Table, Tag, Tree, type TreeDataNode } from 'antd';
import { useMemo, useState } from 'react';
import { useMayCall } from '../../web/current-user.ts';
import { ErrorAlert } from '../../web/error-alert.tsx';
import { common, useLang, useT, type Lang } from '../../web/i18n.ts';
import { Page } from '../../web/page.tsx';
import type { Org } from '../orgs.schema.ts';
import { OrgDetailDrawer } from './org-detail-drawer.tsx';
import { OrgFormModal } from './org-form-modal.tsx';
import { OrgMap } from './org-map.tsx';
import { buildOrgTree, subtreeIds, type OrgNode } from './org-tree.ts';
import { useOrgs } from './orgs.api.ts';
import { KIND_COLORS, kindLabel, levelLabel, orgMessages } from './orgs.i18n.ts';

function toTreeData(nodes: readonly OrgNode[], lang: Lang): TreeDataNode[] {
  return nodes.map((n) => ({
    key: n.org.id,
    title: (
      <span>
        {n.org.name}{' '}
        <Tag color={KIND_COLORS[n.org.kind]} style={{ marginInlineStart: 4, fontSize: 11 }} variant="outlined">
          {kindLabel(n.org.kind, lang)}
        </Tag>
      </span>
    ),
    children: toTreeData(n.children, lang),
  }));
}

/** 机构网络: the group as a tree, a map and a list; everyone may look, admins may change it. */
export function OrgsNetworkPage() {
  const t = useT(orgMessages);
  const c = useT(common);
  const lang = useLang();
  const orgs = useOrgs();
  const canCreate = useMayCall('POST /api/orgs');
  const [selected, setSelected] = useState<number | null>(null);
  const [detailId, setDetailId] = useState<number | null>(null);
  const [filter, setFilter] = useState('');
  const [creating, setCreating] = useState(false);

  const list = orgs.data ?? [];
  const tree = useMemo(() => buildOrgTree(list), [list]);
  const highlight = useMemo(() => (selected === null ? null : subtreeIds(list, selected)), [list, selected]);
  const rows = list.filter(
    (o) =>
      (highlight === null || highlight.has(o.id)) &&
      (!filter || o.name.includes(filter) || o.code.toLowerCase().includes(filter.toLowerCase())),
  );
  const nameOf = new Map(list.map((o) => [o.id, o.name]));

  if (orgs.isError)
    return (
      <Page title={c('nav.orgs')}>
        <ErrorAlert error={orgs.error} onRetry={() => void orgs.refetch()} />
      </Page>
    );

  return (
    <Page
      title={c('nav.orgs')}
      extra={
        canCreate ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('newOrg')}
          </Button>
        ) : null
      }
    >
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={9}>
          <Card
            title={t('structure')}
            size="small"
            styles={{ body: { maxHeight: 480, overflow: 'auto' } }}
            extra={
              selected !== null ? (
                <Button size="small" type="link" onClick={() => setSelected(null)}>
                  {t('all')}
                </Button>
              ) : null
            }
          >
            {orgs.isPending ? (
              <Skeleton active />
            ) : (
              <Tree
                showLine
                defaultExpandedKeys={tree.map((n) => n.org.id)}
                selectedKeys={selected === null ? [] : [selected]}
                treeData={toTreeData(tree, lang)}
                onSelect={(keys) => setSelected(keys.length ? Number(keys[0]) : null)}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={15}>
          <Card title={t('map')} size="small">
            {orgs.isPending ? <Skeleton active /> : <OrgMap orgs={list} highlight={highlight} onSelect={setDetailId} />}
          </Card>
        </Col>
        <Col span={24}>
          <Card
            title={t('list')}
            size="small"
            extra={
              <Input.Search
                allowClear
                size="small"
                placeholder={t('filterName')}
                onSearch={setFilter}
                onChange={(e) => setFilter(e.target.value)}
                style={{ width: 200 }}
              />
            }
          >
            <Table<Org>
              rowKey="id"
              size="small"
              loading={orgs.isPending}
              dataSource={rows}
              scroll={{ x: 900 }}
              pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
              onRow={(o) => ({ onClick: () => setDetailId(o.id), className: 'oc-clickable-row' })}
              columns={[
                { title: t('name'), dataIndex: 'name', fixed: 'left', width: 180 },
                {
                  title: t('kind'),
                  dataIndex: 'kind',
                  width: 140,
                  render: (k: Org['kind']) => <Tag color={KIND_COLORS[k]}>{kindLabel(k, lang)}</Tag>,
                },
                { title: t('level'), dataIndex: 'level', width: 90, render: (l: string) => levelLabel(l, lang) },
                { title: t('code'), dataIndex: 'code', width: 120 },
                {
                  title: t('parent'),
                  dataIndex: 'parentId',
                  width: 180,
                  render: (p: number | null) => (p === null ? '—' : (nameOf.get(p) ?? p)),
                },
                { title: t('beds'), dataIndex: 'beds', width: 80, align: 'right' },
                { title: t('phone'), dataIndex: 'phone', width: 130, render: (p: string | null) => p ?? '—' },
                {
                  title: t('status'),
                  dataIndex: 'active',
                  width: 90,
                  render: (a: boolean) => (a ? <Tag color="green">{t('active')}</Tag> : <Tag>{t('inactive')}</Tag>),
                },
              ]}
            />
          </Card>
        </Col>
      </Row>
      <OrgDetailDrawer id={detailId} orgs={list} onClose={() => setDetailId(null)} />
      {creating ? <OrgFormModal mode="create" orgs={list} onClose={() => setCreating(false)} /> : null}
    </Page>
  );
}
