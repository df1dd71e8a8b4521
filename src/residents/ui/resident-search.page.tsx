import { UserAddOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Input, Space, Table, Tag, Typography } from 'antd';
import { useNavigate, useSearchParams } from 'react-router';
import { useMayCall } from '../../web/current-user.ts';
import { ErrorAlert } from '../../web/error-alert.tsx';
import { common, useLang, useT } from '../../web/i18n.ts';
import { Page } from '../../web/page.tsx';
import type { Resident } from '../residents.schema.ts';
import { useResidentSearch } from './residents.api.ts';
import { conditionLabel, residentMessages, sexLabel } from './residents.i18n.ts';

const PAGE_SIZE = 20;

/**
 * 居民查询. The query lives in the URL, so "back" from a profile returns to the same
 * results and a search can be shared with a colleague who has the same reach.
 */
export function ResidentSearchPage() {
  const t = useT(residentMessages);
  const c = useT(common);
  const lang = useLang();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const canCreate = useMayCall('POST /api/residents');
  const q = params.get('q');
  const offset = Math.max(0, Number(params.get('offset')) || 0);
  const search = useResidentSearch(q === null ? null : { q: q.trim(), offset, limit: PAGE_SIZE });
  const page = search.data;

  const go = (nextQ: string, nextOffset = 0) =>
    setParams(nextOffset ? { q: nextQ, offset: String(nextOffset) } : { q: nextQ });

  return (
    <Page
      title={c('nav.residents')}
      extra={
        canCreate ? (
          <Button icon={<UserAddOutlined />} onClick={() => navigate('/residents/new')}>
            {t('create')}
          </Button>
        ) : null
      }
    >
      <Card size="small" style={{ marginBottom: 16 }}>
        <Input.Search
          key={q ?? ''}
          defaultValue={q ?? ''}
          placeholder={t('searchPlaceholder')}
          enterButton={c('search')}
          size="large"
          allowClear
          loading={search.isFetching}
          onSearch={(value) => go(value.trim())}
          aria-label={c('search')}
        />
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', fontSize: 12 }}>
          {t('searchHint')}
        </Typography.Paragraph>
      </Card>
      {search.isError ? <ErrorAlert error={search.error} /> : null}
      {q !== null && page ? (
        <Card
          size="small"
          title={
            <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
              {t(`matched_${page.matchedBy}`)}
            </Typography.Text>
          }
        >
          <Table<Resident>
            rowKey="id"
            size="middle"
            dataSource={page.items}
            loading={search.isFetching}
            pagination={false}
            scroll={{ x: 980 }}
            locale={{ emptyText: <Empty description={t('noResult')} /> }}
            onRow={(r) => ({ onClick: () => navigate(`/residents/${r.id}`), className: 'oc-clickable-row' })}
            columns={[
              {
                title: t('name'),
                dataIndex: 'name',
                fixed: 'left',
                width: 100,
                render: (name: string, r) => (
                  <a href={`/residents/${r.id}`} onClick={(e) => e.preventDefault()}>
                    {name}
                  </a>
                ),
              },
              { title: t('sex'), dataIndex: 'sex', width: 60, render: (s: Resident['sex']) => sexLabel(s, lang) },
              { title: t('age'), dataIndex: 'age', width: 70, render: (a: number) => t('ageValue', { age: a }) },
              {
                title: t('idNumber'),
                dataIndex: 'idNumber',
                width: 190,
                render: (v: string) => <span className="oc-mono">{v}</span>,
              },
              {
                title: t('mobile'),
                dataIndex: 'mobile',
                width: 130,
                render: (v: string | null) => (v ? <span className="oc-mono">{v}</span> : '—'),
              },
              { title: t('village'), dataIndex: 'village', width: 100, render: (v: string | null) => v ?? '—' },
              { title: t('org'), dataIndex: 'orgName', width: 150 },
              {
                title: t('conditions'),
                dataIndex: 'chronicConditions',
                render: (list: string[], r) => (
                  <Space size={[0, 4]} wrap>
                    {r.registeredPoor ? <Tag color="orange">{t('poorTag')}</Tag> : null}
                    {r.deceasedOn ? <Tag>{t('deceased')}</Tag> : null}
                    {list.map((x) => (
                      <Tag key={x} color="volcano">
                        {conditionLabel(x, lang)}
                      </Tag>
                    ))}
                  </Space>
                ),
              },
            ]}
          />
          {offset > 0 || page.hasMore ? (
            <Space style={{ marginTop: 12, justifyContent: 'flex-end', width: '100%' }}>
              <Button disabled={offset === 0} onClick={() => go(q, Math.max(0, offset - PAGE_SIZE))}>
                {c('prevPage')}
              </Button>
              <Button disabled={!page.hasMore} onClick={() => go(q, offset + PAGE_SIZE)}>
                {c('nextPage')}
              </Button>
            </Space>
          ) : null}
        </Card>
      ) : null}
    </Page>
  );
}
