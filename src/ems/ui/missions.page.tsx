import { Select, Space, Tag } from 'antd';
import { useNavigate } from 'react-router';
import { formatDateTime } from '../../web/format.ts';
import { useT } from '../../web/i18n.ts';
import { DataList } from '../../web/kit/data-list.tsx';
import { DateRangeInput } from '../../web/kit/date-input.tsx';
import { useListParams } from '../../web/kit/list-params.ts';
import { Page } from '../../web/page.tsx';
import { CHANNELS, useEmsLive, useMissions, type Channel, type MissionItem } from './ems.api.ts';
import { emsMessages } from './ems.i18n.ts';
import { CHANNEL_COLOR, MISSION_COLOR, word } from './ems-labels.ts';

type Active = 'true' | 'false';

/** 出车任务: every mission the user may see, active first by default; a row opens its timeline. */
export function EmsMissionsPage() {
  const t = useT(emsMessages);
  const navigate = useNavigate();
  useEmsLive();
  const list = useListParams<{ active: Active | undefined; channel: Channel | undefined; from?: string; to?: string }>(
    { active: 'true', channel: undefined },
    { inUrl: true },
  );
  const { params } = list;
  const missions = useMissions(params);
  return (
    <Page title={t('missionsTitle')}>
      <DataList<MissionItem>
        rowKey={(m) => m.id}
        data={
          missions.data
            ? {
                items: missions.data.items,
                total: missions.data.total,
                page: missions.data.page ?? params.page,
                pageSize: missions.data.pageSize ?? params.pageSize,
                totalCapped: missions.data.totalCapped ?? false,
              }
            : undefined
        }
        loading={missions.isFetching && !missions.data}
        error={missions.isError ? missions.error : undefined}
        onRetry={() => void missions.refetch()}
        params={params}
        onPaging={list.setPaging}
        filters={
          <Space wrap>
            <Select
              style={{ width: 120 }}
              aria-label={t('status')}
              value={params.active ?? ''}
              onChange={(v: Active | '') => list.setFilter({ active: v || undefined })}
              options={[
                { value: 'true', label: t('active') },
                { value: 'false', label: t('ended') },
                { value: '', label: t('allMissions') },
              ]}
            />
            <Select
              style={{ width: 140 }}
              aria-label={t('channel')}
              value={params.channel ?? ''}
              onChange={(v: Channel | '') => list.setFilter({ channel: v || undefined })}
              options={[
                { value: '', label: t('allChannels') },
                ...CHANNELS.map((c) => ({ value: c, label: word(t, 'channel', c) })),
              ]}
            />
            <DateRangeInput
              from={params.from}
              to={params.to}
              onChange={(r) => list.setFilter({ from: r.from, to: r.to })}
              style={{ width: 260 }}
            />
          </Space>
        }
        exportTo={{ url: '/api/ems/missions/export', query: params }}
        onRowClick={(m) => void navigate(`/ems/missions/${m.id}`)}
        rowProps={(m) => ({ 'data-mission-id': m.id })}
        scrollX={1000}
        columns={[
          { key: 'id', title: t('missionNo'), width: 80, mobile: 'title', render: (m) => `#${m.id}` },
          {
            key: 'status',
            title: t('status'),
            width: 100,
            mobile: 'extra',
            render: (m) => <Tag color={MISSION_COLOR[m.status] ?? 'default'}>{word(t, 'mission', m.status)}</Tag>,
          },
          {
            key: 'channel',
            title: t('channel'),
            width: 110,
            render: (m) => <Tag color={CHANNEL_COLOR[m.channel]}>{word(t, 'channel', m.channel)}</Tag>,
          },
          { key: 'vehicle', title: t('vehicle'), width: 90, render: (m) => m.callSign },
          { key: 'patient', title: t('patient'), width: 120, render: (m) => m.patientLabel ?? '—' },
          { key: 'address', title: t('address'), render: (m) => m.address ?? '—' },
          { key: 'dest', title: t('destination'), width: 160, render: (m) => m.destOrgName ?? t('destinationNone') },
          { key: 'created', title: t('createdAt'), width: 140, render: (m) => formatDateTime(m.createdAt) },
          {
            key: 'eta',
            title: t('etaScene'),
            width: 90,
            align: 'right',
            render: (m) => (m.etaSceneMin == null ? '—' : t('minutes', { n: m.etaSceneMin.toFixed(0) })),
          },
        ]}
      />
    </Page>
  );
}
