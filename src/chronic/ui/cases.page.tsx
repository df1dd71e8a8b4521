import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Drawer, Form, Input, Modal, Select, Space, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { caseCreate, caseTransition } from '../chronic.schema.ts';
import { apiSend } from '../../web/api.ts';
import { useCurrentUser, useMayCall } from '../../web/current-user.ts';
import { ErrorAlert } from '../../web/error-alert.tsx';
import { applyServerError, validateWith } from '../../web/form-errors.ts';
import { formatDateTime, todayShanghai } from '../../web/format.ts';
import { useLang, useT } from '../../web/i18n.ts';
import type { ChartOption } from '../../web/kit/chart.tsx';
import { Chart } from '../../web/kit/chart.tsx';
import { DataList } from '../../web/kit/data-list.tsx';
import { DateInput } from '../../web/kit/date-input.tsx';
import { useListParams, useListQuery } from '../../web/kit/list-params.ts';
import { Page } from '../../web/page.tsx';
import { useIsMobile } from '../../web/use-is-mobile.ts';
import { useOrgs } from '../../orgs/ui/orgs.api.ts';
import {
  CHRONIC_KEY,
  casePage,
  okId,
  useCase,
  useResidentSearch,
  type CaseDetail,
  type CaseRow,
  type FollowupRow,
} from './chronic.api.ts';
import {
  CALL_OUTCOME,
  chronicMessages,
  CLASS,
  DISEASE,
  DUE,
  END_REASON,
  label,
  MODE,
  options,
  READING_KIND,
  REFERRAL,
  SEX,
  STATE,
  TRANSITION,
} from './chronic.i18n.ts';
import { readingText } from './day-list.page.tsx';
import { FollowupForm } from './followup-form.tsx';
import { clearEdited, clearErrors } from './form-kit.ts';
import { Rows } from './rows.tsx';

type Filters = {
  disease?: string;
  state?: string;
  due?: string;
  lastClass?: string;
  orgId?: string;
  gridId?: string;
};

const classTag = (c: number | null, lang: 'zh' | 'en') =>
  c ? <Tag color={c === 1 ? 'green' : c === 2 ? 'orange' : 'red'}>{label(CLASS, String(c), lang)}</Tag> : '—';

/** 慢病管理档案: who is due, who is overdue, each case's follow-ups and trend. */
export function ChronicCasesPage() {
  const t = useT(chronicMessages);
  const lang = useLang();
  const me = useCurrentUser();
  const canCreate = useMayCall('POST /api/chronic/cases');
  const canExport = useMayCall('GET /api/chronic/cases/export');
  const list = useListParams<Filters>({}, { inUrl: true });
  const cases = useListQuery([...CHRONIC_KEY, 'cases'], '/api/chronic/cases', casePage, list.params);
  const orgs = useOrgs();
  const [open, setOpen] = useState<number | null>(null);
  const [creating, setCreating] = useState(false);
  const villages = useMemo(
    () =>
      (orgs.data ?? []).filter(
        (o) =>
          o.kind === 'village_clinic' && (me.roles.includes('admin') || o.id === me.org.id || o.parentId === me.org.id),
      ),
    [orgs.data, me],
  );
  const { page: _p, pageSize: _s, ...exportQuery } = list.params;
  const select = (key: keyof Filters, placeholder: string, opts: Array<{ value: string; label: string }>, w = 120) => (
    <Select
      allowClear
      placeholder={placeholder}
      aria-label={placeholder}
      style={{ width: w }}
      value={list.params[key]}
      onChange={(v?: string) => list.setFilter({ [key]: v })}
      options={opts}
    />
  );
  return (
    <Page
      title={t('casesTitle')}
      extra={
        canCreate ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('newCase')}
          </Button>
        ) : null
      }
    >
      <DataList<CaseRow>
        size="small"
        rowKey={(c) => c.id}
        data={cases.data}
        loading={cases.isFetching && !cases.data}
        error={cases.isError ? cases.error : undefined}
        onRetry={() => void cases.refetch()}
        params={list.params}
        onPaging={list.setPaging}
        onRowClick={(c) => setOpen(c.id)}
        rowProps={(c) => ({ 'data-case-id': c.id })}
        search={{ placeholder: t('search'), onSearch: (q) => list.setFilter({ q }) }}
        exportTo={canExport ? { url: '/api/chronic/cases/export', query: exportQuery } : null}
        filters={
          <>
            {select('disease', t('disease'), options(DISEASE, lang))}
            {select('state', t('state'), options(STATE, lang))}
            {select('due', t('due'), options(DUE, lang))}
            {select('lastClass', t('lastClass'), options(CLASS, lang), 140)}
            {villages.length > 1
              ? select(
                  'orgId',
                  t('village'),
                  villages.map((v) => ({ value: String(v.id), label: v.name })),
                  180,
                )
              : null}
          </>
        }
        columns={[
          {
            key: 'name',
            title: t('name'),
            mobile: 'title',
            sortKey: 'name',
            width: 100,
            render: (c) => <strong>{c.residentName}</strong>,
          },
          {
            key: 'sexAge',
            title: t('sexAge'),
            width: 90,
            render: (c) => `${label(SEX, c.sex, lang)} · ${t('years', { n: c.age })}`,
          },
          {
            key: 'disease',
            title: t('disease'),
            width: 90,
            mobile: 'extra',
            render: (c) => (
              <Tag color={c.disease === 'htn' ? 'volcano' : 'blue'}>{label(DISEASE, c.disease, lang)}</Tag>
            ),
          },
          { key: 'state', title: t('state'), width: 100, render: (c) => label(STATE, c.state, lang) },
          { key: 'org', title: t('village'), width: 150, mobile: 'hide', render: (c) => c.orgName },
          { key: 'grid', title: t('grid'), width: 110, mobile: 'hide', render: (c) => c.gridName ?? '—' },
          {
            key: 'last',
            title: t('lastFollowup'),
            width: 110,
            sortKey: 'lastFollowup',
            render: (c) => c.lastFollowupOn ?? '—',
          },
          { key: 'bp', title: t('lastBp'), width: 90, render: (c) => c.lastBp ?? '—' },
          { key: 'class', title: t('lastClass'), width: 120, render: (c) => classTag(c.lastClass, lang) },
          {
            key: 'due',
            title: t('nextDue'),
            width: 150,
            sortKey: 'nextDue',
            render: (c) => (
              <Space size={4}>
                {c.nextDue ?? '—'}
                {c.overdueDays ? <Tag color="red">{t('daysN', { n: c.overdueDays })}</Tag> : null}
              </Space>
            ),
          },
        ]}
        scrollX={1100}
      />
      {open !== null ? <CaseDrawer id={open} onClose={() => setOpen(null)} /> : null}
      {creating ? (
        <NewCaseModal
          onClose={() => setCreating(false)}
          onDone={(id) => {
            setCreating(false);
            setOpen(id);
          }}
        />
      ) : null}
    </Page>
  );
}

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

function CaseDrawer({ id, onClose }: { id: number; onClose: () => void }) {
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

const MOVES: Record<string, Array<'confirmed' | 'managed' | 'lost' | 'terminated'>> = {
  screened: ['confirmed', 'terminated'],
  confirmed: ['managed', 'terminated'],
  managed: ['lost', 'terminated'],
  lost: ['managed', 'terminated'],
  terminated: [],
};

function TransitionModal({ caseId, state, onClose }: { caseId: number; state: string; onClose: () => void }) {
  const t = useT(chronicMessages);
  const lang = useLang();
  const qc = useQueryClient();
  const [form] = Form.useForm();
  const to = Form.useWatch('to', form) as string | undefined;
  const move = useMutation({
    mutationFn: (body: unknown) => apiSend('POST', `/api/chronic/cases/${caseId}/transition`, body, okId),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: CHRONIC_KEY });
      onClose();
    },
    onError: (err) => applyServerError(form, err, ['to', 'onDate', 'reason', 'note']),
  });
  const submit = () => {
    clearErrors(form);
    const v = form.getFieldsValue() as Record<string, unknown>;
    const body = Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined && x !== null && x !== ''));
    const ok = validateWith(form, caseTransition, body);
    if (ok) move.mutate(ok);
  };
  return (
    <Modal open title={t('transition')} onCancel={onClose} onOk={submit} confirmLoading={move.isPending}>
      <Form
        form={form}
        onValuesChange={(changed: Record<string, unknown>) => clearEdited(form, changed)}
        layout="vertical"
        initialValues={{ onDate: todayShanghai(), to: MOVES[state]?.[0] }}
      >
        <Form.Item name="to" label={t('toState')}>
          <Select
            aria-label={t('toState')}
            options={(MOVES[state] ?? []).map((s) => ({ value: s, label: label(TRANSITION, s, lang) }))}
          />
        </Form.Item>
        <Form.Item name="onDate" label={t('onDate')}>
          <DateInput aria-label={t('onDate')} allowClear={false} />
        </Form.Item>
        {to === 'terminated' ? (
          <Form.Item name="reason" label={t('endReason')}>
            <Select aria-label={t('endReason')} options={options(END_REASON, lang)} />
          </Form.Item>
        ) : null}
        <Form.Item name="note" label={t('reasonText')}>
          <Input.TextArea rows={2} maxLength={200} />
        </Form.Item>
      </Form>
      {move.isError && !(move.error as { field?: string }).field ? <ErrorAlert error={move.error} /> : null}
    </Modal>
  );
}

/** 新建档案: a resident found by name / initials / ID, the disease, and where they stand */
function NewCaseModal({ onClose, onDone }: { onClose: () => void; onDone: (id: number) => void }) {
  const t = useT(chronicMessages);
  const lang = useLang();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm();
  const create = useMutation({
    mutationFn: (body: unknown) => apiSend('POST', '/api/chronic/cases', body, okId),
    onSuccess: (r) => {
      void message.success(t('created'));
      void qc.invalidateQueries({ queryKey: CHRONIC_KEY });
      onDone(Number(r.id));
    },
    onError: (err) => applyServerError(form, err, ['residentId', 'disease', 'state', 'onDate']),
  });
  const submit = () => {
    clearErrors(form);
    const ok = validateWith(form, caseCreate, form.getFieldsValue());
    if (ok) create.mutate(ok);
  };
  return (
    <Modal open title={t('newCase')} onCancel={onClose} onOk={submit} confirmLoading={create.isPending}>
      <Form
        form={form}
        onValuesChange={(changed: Record<string, unknown>) => clearEdited(form, changed)}
        layout="vertical"
        initialValues={{ disease: 'htn', state: 'managed', onDate: todayShanghai() }}
      >
        <Form.Item name="residentId" label={t('resident')}>
          <ResidentSelect />
        </Form.Item>
        <Form.Item name="disease" label={t('disease')}>
          <Select aria-label={t('disease')} options={options(DISEASE, lang)} />
        </Form.Item>
        <Form.Item name="state" label={t('state')}>
          <Select
            aria-label={t('state')}
            options={options(STATE, lang).filter((o) => ['screened', 'confirmed', 'managed'].includes(o.value))}
          />
        </Form.Item>
        <Form.Item name="onDate" label={t('onDate')}>
          <DateInput aria-label={t('onDate')} allowClear={false} />
        </Form.Item>
      </Form>
      {create.isError && !(create.error as { field?: string }).field ? <ErrorAlert error={create.error} /> : null}
    </Modal>
  );
}

/** a resident by name, pinyin initials or ID number (the residents search) */
export function ResidentSelect({
  value,
  onChange,
  orgId,
}: {
  value?: number;
  onChange?: (v: number) => void;
  orgId?: number;
}) {
  const t = useT(chronicMessages);
  const lang = useLang();
  const [q, setQ] = useState('');
  const found = useResidentSearch(q);
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={value}
      onChange={onChange}
      style={{ width: '100%' }}
      placeholder={t('residentSearch')}
      aria-label={t('resident')}
      loading={found.isFetching}
      notFoundContent={null}
      options={(found.data?.items ?? [])
        .filter((r) => orgId === undefined || r.orgId === orgId)
        .map((r) => ({
          value: r.id,
          label: `${r.name} · ${label(SEX, r.sex, lang)} ${t('years', { n: r.age })} · ${r.idNumber} · ${r.orgName}`,
        }))}
    />
  );
}
