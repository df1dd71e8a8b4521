import { UserAddOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Input, Select, Space, Tag, Typography } from 'antd';
import { useNavigate, useSearchParams } from 'react-router';
import { useMayCall } from '../../web/current-user.ts';
import { formatDate } from '../../web/format.ts';
import { common, useLang, useT } from '../../web/i18n.ts';
import { DataList } from '../../web/kit/data-list.tsx';
import { useListParams } from '../../web/kit/list-params.ts';
import { Page } from '../../web/page.tsx';
import { CHRONIC_CONDITIONS, type Resident } from '../residents.schema.ts';
import { useResidentSearch } from './residents.api.ts';
import { conditionLabel, residentMessages, sexLabel } from './residents.i18n.ts';

/**
 * 居民查询. The query lives in the URL, so "back" from a profile returns to the same
 * results and a search can be shared with a colleague who has the same reach. Nothing is
 * fetched (and audited) until the user searches: `q` in the URL, even empty, means searched.
 */
export function ResidentSearchPage() {
  const t = useT(residentMessages);
  const c = useT(common);
  const lang = useLang();
  const navigate = useNavigate();
  const [url] = useSearchParams();
  const canCreate = useMayCall('POST /api/residents');
  const canExport = useMayCall('GET /api/residents/export');
  const list = useListParams<{ condition?: string }>({}, { inUrl: true });
  const { params } = list;
  const searched = url.has('q');
  const query = { ...params, q: params.q?.trim() };
  const search = useResidentSearch(query, searched);
  const page = search.data;

  return (
    <Page
      title={c('nav.residents')}
      extra={
        canCreate ? (
          <Button icon={<UserAddOutlined />} onClick={() => void navigate('/residents/new')}>
            {t('create')}
          </Button>
        ) : null
      }
    >
      <Card size="small" style={{ marginBottom: 16 }}>
        <Input.Search
          key={params.q ?? ''}
          defaultValue={params.q ?? ''}
          placeholder={t('searchPlaceholder')}
          enterButton={c('search')}
          size="large"
          allowClear
          loading={search.isFetching}
          onSearch={(value) => list.setFilter({ q: value.trim() })}
          aria-label={c('search')}
        />
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', fontSize: 12 }}>
          {t('searchHint')}
        </Typography.Paragraph>
      </Card>
      {searched ? (
        <DataList<Resident>
          title={
            page ? (
              <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
                {t(`matched_${page.matchedBy}`)}
              </Typography.Text>
            ) : null
          }
          rowKey={(r) => r.id}
          data={page}
          loading={search.isFetching}
          error={search.isError ? search.error : undefined}
          params={params}
          onPaging={list.setPaging}
          filters={
            <Select
              allowClear
              placeholder={t('conditions')}
              aria-label={t('conditions')}
              style={{ width: 160 }}
              value={params.condition}
              onChange={(condition?: string) => list.setFilter({ condition, q: params.q ?? '' })}
              options={CHRONIC_CONDITIONS.map((x) => ({ value: x, label: conditionLabel(x, lang) }))}
            />
          }
          exportTo={canExport ? { url: '/api/residents/export', query } : null}
          empty={<Empty description={t('noResult')} />}
          scrollX={1060}
          onRowClick={(r) => void navigate(`/residents/${r.id}`)}
          columns={[
            {
              key: 'name',
              title: t('name'),
              fixed: 'left',
              width: 100,
              sortKey: 'name',
              mobile: 'title',
              render: (r) => (
                <a href={`/residents/${r.id}`} onClick={(e) => e.preventDefault()}>
                  {r.name}
                </a>
              ),
            },
            { key: 'sex', title: t('sex'), width: 60, mobile: 'extra', render: (r) => sexLabel(r.sex, lang) },
            {
              key: 'age',
              title: t('age'),
              width: 120,
              sortKey: 'birthDate',
              render: (r) => `${t('ageValue', { age: r.age })} · ${formatDate(r.birthDate)}`,
            },
            {
              key: 'idNumber',
              title: t('idNumber'),
              width: 190,
              render: (r) => <span className="oc-mono">{r.idNumber}</span>,
            },
            {
              key: 'mobile',
              title: t('mobile'),
              width: 130,
              render: (r) => (r.mobile ? <span className="oc-mono">{r.mobile}</span> : '—'),
            },
            { key: 'village', title: t('village'), width: 100, render: (r) => r.village ?? '—' },
            { key: 'org', title: t('org'), width: 150, render: (r) => r.orgName },
            {
              key: 'conditions',
              title: t('conditions'),
              width: 180,
              mobile: 'plain',
              render: (r) => (
                <Space size={[0, 4]} wrap>
                  {r.registeredPoor ? <Tag color="orange">{t('poorTag')}</Tag> : null}
                  {r.deceasedOn ? <Tag>{t('deceased')}</Tag> : null}
                  {r.chronicConditions.map((x) => (
                    <Tag key={x} color="volcano">
                      {conditionLabel(x, lang)}
                    </Tag>
                  ))}
                </Space>
              ),
            },
          ]}
        />
      ) : null}
    </Page>
  );
}
