import { Button, Card, Descriptions, Drawer, Space, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';

import { useMayCall } from '../../web/current-user.ts';
import { ErrorAlert } from '../../web/error-alert.tsx';

import { formatDateTime } from '../../web/format.ts';
import { useLang, useT } from '../../web/i18n.ts';
import type { ChartOption } from '../../web/kit/chart.tsx';
import { Chart } from '../../web/kit/chart.tsx';

import { useIsMobile } from '../../web/use-is-mobile.ts';

import { useCase, type CaseDetail, type FollowupRow } from './chronic.api.ts';
import {
  CALL_OUTCOME,
  chronicMessages,
  CLASS,
  DISEASE,
  END_REASON,
  label,
  MODE,
  READING_KIND,
  REFERRAL,
  SEX,
  STATE,
} from './chronic.i18n.ts';
import { readingText } from './day-list.page.tsx';
import { KitReadingsCard } from './kit-readings.tsx';
import { FollowupForm } from './followup-form.tsx';

import { Rows } from './rows.tsx';
import { TransitionModal } from './case-modals.tsx';

export const classTag = (c: number | null, lang: 'zh' | 'en') =>
  c ? <Tag color={c === 1 ? 'green' : c === 2 ? 'orange' : 'red'}>{label(CLASS, String(c), lang)}</Tag> : '—';

/** 慢病管理档案: who is due, who is overdue, each case's follow-ups and trend. */

/** One case: the BP/glucose trend, its follow-ups, state changes, calls and grid readings. */
function trendOption(d: CaseDetail, t: (k: 'sbp' | 'dbp' | 'fbg' | 'sbpTarget' | 'dbpTarget' | 'fbgTarget') => string) {
  const rows = [...d.followups].reverse();
  const dm = d.disease === 't2dm';
  const dates = rows.map((f) => f.visitDate);
  const target = (name: string, value: number, color: string, yAxisIndex = 0) => ({
    type: 'line' as const,
    name,
    yAxisIndex,
    data: dates.map(() => value),
    symbol: 'none',
    lineStyle: { type: 'dashed' as const, color, width: 1 },
    itemStyle: { color },
  });
  const option: ChartOption = {
    tooltip: { trigger: 'axis' },
    legend: { type: 'scroll', bottom: 0 },
    grid: { left: 40, right: dm ? 40 : 16, top: 16, bottom: 48 },
    xAxis: { type: 'category', data: dates },
    yAxis: dm
      ? [
          { type: 'value', name: 'mmHg', min: 40 },
          { type: 'value', name: 'mmol/L', min: 0 },
        ]
      : [{ type: 'value', name: 'mmHg', min: 40 }],
    series: [
      {
        type: 'line',
        name: t('sbp'),
        data: rows.map((f) => f.sbp),
        connectNulls: true,
        itemStyle: { color: '#cf1322' },
      },
      {
        type: 'line',
        name: t('dbp'),
        data: rows.map((f) => f.dbp),
        connectNulls: true,
        itemStyle: { color: '#1668dc' },
      },
      target(t('sbpTarget'), 140, '#ff7875'),
      target(t('dbpTarget'), 90, '#69b1ff'),
      ...(dm
        ? [
            {
              type: 'line' as const,
              name: t('fbg'),
              yAxisIndex: 1,
              data: rows.map((f) => f.fbg),
              connectNulls: true,
              itemStyle: { color: '#52c41a' },
            },
            target(t('fbgTarget'), 7, '#95de64', 1),
          ]
        : []),
    ],
  };
  return option;
}

export function CaseDrawer({ id, onClose }: { id: number; onClose: () => void }) {
  const t = useT(chronicMessages);
  const lang = useLang();
  const mobile = useIsMobile();
  const navigate = useNavigate();
  const canFollow = useMayCall('POST /api/chronic/followups');
  const canMove = useMayCall('POST /api/chronic/cases/:id/transition');
  const detail = useCase(id);
  const [following, setFollowing] = useState(false);
  const [moving, setMoving] = useState(false);
  const d = detail.data;
  const option = useMemo(() => (d ? trendOption(d, t) : null), [d, t]);
  const followed = d && (d.disease === 'htn' || d.disease === 't2dm');
  const actions = d ? (
    <Space>
      {canFollow && followed && d.state !== 'terminated' && d.state !== 'screened' ? (
        <Button type="primary" onClick={() => setFollowing(true)}>
          {t('newFollowup')}
        </Button>
      ) : null}
      {canMove && d.state !== 'terminated' ? <Button onClick={() => setMoving(true)}>{t('transition')}</Button> : null}
    </Space>
  ) : null;
  return (
    <Drawer
      open
      size={mobile ? '100%' : 880}
      title={d ? `${t('caseDetail')} · ${d.residentName}` : t('caseDetail')}
      onClose={onClose}
      destroyOnHidden
      extra={mobile ? null : actions}
    >
      {detail.isError ? <ErrorAlert error={detail.error} onRetry={() => void detail.refetch()} /> : null}
      {d ? (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          {mobile ? actions : null}
          <Descriptions size="small" bordered column={{ xs: 1, sm: 2, md: 3 }}>
            <Descriptions.Item label={t('name')}>{d.residentName}</Descriptions.Item>
            <Descriptions.Item label={t('sexAge')}>
              {label(SEX, d.sex, lang)} · {t('years', { n: d.age })}
            </Descriptions.Item>
            <Descriptions.Item label={t('disease')}>{label(DISEASE, d.disease, lang)}</Descriptions.Item>
            <Descriptions.Item label={t('state')}>{label(STATE, d.state, lang)}</Descriptions.Item>
            <Descriptions.Item label={t('village')}>{d.orgName}</Descriptions.Item>
            <Descriptions.Item label={t('grid')}>{d.gridName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('lastFollowup')}>{d.lastFollowupOn ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('lastClass')}>{classTag(d.lastClass, lang)}</Descriptions.Item>
            <Descriptions.Item label={t('nextDue')}>
              {d.nextDue ?? '—'} {d.overdueDays ? <Tag color="red">{t('daysN', { n: d.overdueDays })}</Tag> : null}
            </Descriptions.Item>
          </Descriptions>
          {option && d.followups.length ? (
            <Card size="small" title={t('bpChart')}>
              <Chart option={option} height={260} label={t('bpChart')} />
            </Card>
          ) : null}
          <Card size="small" title={t('followups')}>
            <Rows<FollowupRow>
              rows={d.followups}
              rowKey={(f) => f.id}
              columns={[
                { key: 'date', title: t('visitDate'), mobile: 'title', width: 100, render: (f) => f.visitDate },
                {
                  key: 'mode',
                  title: t('mode'),
                  width: 110,
                  mobile: 'extra',
                  render: (f) => (
                    <Space size={4}>
                      {label(MODE, f.mode, lang)}
                      {f.lateEntry ? <Tag color="orange">{t('lateEntry')}</Tag> : null}
                    </Space>
                  ),
                },
                {
                  key: 'bp',
                  title: t('bp'),
                  width: 80,
                  render: (f) => (f.sbp !== null ? `${f.sbp}/${f.dbp}` : '—'),
                },
                ...(d.disease === 't2dm'
                  ? [{ key: 'fbg', title: t('fbg'), width: 80, render: (f: FollowupRow) => f.fbg ?? '—' }]
                  : []),
                {
                  key: 'class',
                  title: t('classification'),
                  width: 120,
                  render: (f) => classTag(f.classification, lang),
                },
                {
                  key: 'referral',
                  title: t('referral'),
                  width: 100,
                  render: (f) =>
                    f.referral === 'none' ? (
                      '—'
                    ) : f.referralId ? (
                      <a onClick={() => void navigate(`/referrals/${f.referralId}`)}>
                        <Tag color={f.referral === 'emergency' ? 'red' : 'orange'}>
                          {label(REFERRAL, f.referral, lang)}
                        </Tag>
                      </a>
                    ) : (
                      <Tag color="orange">{label(REFERRAL, f.referral, lang)}</Tag>
                    ),
                },
                { key: 'next', title: t('nextDue'), width: 100, render: (f) => f.nextDue },
                { key: 'staff', title: t('recorder'), width: 80, render: (f) => f.staffName },
              ]}
            />
          </Card>
          <Card size="small" title={t('events')}>
            {d.events.map((e, i) => (
              <div key={i}>
                <Typography.Text>
                  {e.onDate} {e.from ? `${label(STATE, e.from, lang)} → ` : ''}
                  {label(STATE, e.to, lang)}
                </Typography.Text>
                {e.reason ? (
                  <Typography.Text type="secondary"> · {label(END_REASON, e.reason, lang)}</Typography.Text>
                ) : null}
              </div>
            ))}
          </Card>
          <Card size="small" title={t('calls')}>
            {d.calls.length === 0 ? <Typography.Text type="secondary">{t('nothing')}</Typography.Text> : null}
            {d.calls.map((c, i) => (
              <div key={i}>
                {c.calledOn} · {label(CALL_OUTCOME, c.outcome, lang)} · {c.staffName}
                {c.note ? <Typography.Text type="secondary"> · {c.note}</Typography.Text> : null}
              </div>
            ))}
          </Card>
          <KitReadingsCard readings={d.kitReadings} />
          <Card size="small" title={t('readings')}>
            {d.readings.length === 0 ? <Typography.Text type="secondary">{t('nothing')}</Typography.Text> : null}
            {d.readings.map((g, i) => {
              const r = g as Record<string, unknown>;
              const alert = r.alert === true;
              return (
                <div key={String(r.id ?? i)}>
                  {formatDateTime(r.recorded_at as string)} · {label(READING_KIND, r.kind as string, lang)}{' '}
                  {readingText({
                    kind: String(r.kind),
                    sbp: (r.sbp as number | null) ?? null,
                    dbp: (r.dbp as number | null) ?? null,
                    glucose: g.glucose,
                  })}
                  {alert ? (
                    <Tag color="red" style={{ marginLeft: 8 }}>
                      {((r.alert_reasons as string[] | undefined) ?? []).join('；')}
                    </Tag>
                  ) : null}
                </div>
              );
            })}
          </Card>
        </Space>
      ) : null}
      {following && d ? (
        <FollowupForm
          target={{ caseId: d.id, disease: d.disease, name: d.residentName }}
          onClose={() => setFollowing(false)}
        />
      ) : null}
      {moving && d ? <TransitionModal caseId={d.id} state={d.state} onClose={() => setMoving(false)} /> : null}
    </Drawer>
  );
}
