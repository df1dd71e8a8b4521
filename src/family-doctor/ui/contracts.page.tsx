import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Descriptions,
  Drawer,
  Form,
  Input,
  Modal,
  Progress,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useState } from 'react';
import { apiGet, apiSend } from '../../web/api.ts';
import { useMayCall } from '../../web/current-user.ts';
import { ErrorAlert } from '../../web/error-alert.tsx';
import { addDays, formatDateTime, todayShanghai } from '../../web/format.ts';
import { useLang, useT, type Translate } from '../../web/i18n.ts';
import { DataList } from '../../web/kit/data-list.tsx';
import { DateInput } from '../../web/kit/date-input.tsx';
import { useListParams, useListQuery } from '../../web/kit/list-params.ts';
import { PrintButton } from '../../web/kit/print.tsx';
import { Page } from '../../web/page.tsx';
import { useIsMobile } from '../../web/use-is-mobile.ts';
import {
  contractDetail,
  contractPage,
  deliveryResult,
  KEY_POPS,
  newClientId,
  okId,
  renewResult,
  SERVICE_KINDS,
  useSettings,
  useTeams,
  type ContractDetail,
  type ContractRow,
  type ServiceKind,
} from './fd.api.ts';
import { eventLabel, fdMessages, keyPopLabel, serviceKindLabel, sourceLabel } from './fd.i18n.ts';
import { SignatureInput, type SignatureValue } from './signature-input.tsx';

type View = 'active' | 'renewal' | 'idle' | 'ended' | 'all';
type T = Translate<typeof fdMessages>;
const VIEWS: View[] = ['active', 'renewal', 'idle', 'ended', 'all'];
const VIEW_LABEL = {
  active: 'viewActive',
  renewal: 'viewRenewal',
  idle: 'viewIdle',
  ended: 'viewEnded',
  all: 'viewAll',
} as const;

function statusTag(r: Pick<ContractRow, 'status' | 'renewed' | 'signedTo' | 'endReason'>, t: T) {
  if (r.status === 'terminated')
    return (
      <Tag color="red">
        {t('statusTerminated')}
        {r.endReason ? `：${r.endReason}` : ''}
      </Tag>
    );
  if (r.renewed) return <Tag color="blue">{t('statusRenewed')}</Tag>;
  if (r.signedTo <= todayShanghai()) return <Tag>{t('statusEnded')}</Tag>;
  return <Tag color="green">{t('statusActive')}</Tag>;
}

const pct = (n: number | null) => (n === null ? null : Math.max(0, Math.min(100, n)));

/** 家庭医生签约: the contracts by view (有效 / 待续签 / 签而不约 / 已结束), a detail drawer with its actions. */
export function ContractsPage() {
  const t = useT(fdMessages);
  const lang = useLang();
  const list = useListParams<{ view: View; teamId?: number; keyPop?: string; orgId?: number }>(
    { view: 'active' },
    { inUrl: true },
  );
  const view = VIEWS.includes(list.params.view) ? list.params.view : 'active';
  const query = { ...list.params, view };
  const rows = useListQuery(['fd-contracts'], '/api/fd/contracts', contractPage, query);
  const teams = useTeams();
  const villages = [
    ...new Map((teams.data?.items ?? []).flatMap((x) => x.villages).map((v) => [v.id, v.name])).entries(),
  ];
  const [openId, setOpenId] = useState<number | null>(null);
  const { page: _p, pageSize: _s, sort: _o, ...exportQuery } = query;
  return (
    <Page title={t('contractsTitle')}>
      <Tabs
        activeKey={view}
        onChange={(k) => list.setFilter({ view: k as View })}
        items={VIEWS.map((v) => ({ key: v, label: t(VIEW_LABEL[v]) }))}
      />
      <DataList<ContractRow>
        size="small"
        rowKey={(r) => r.id}
        data={rows.data}
        loading={rows.isFetching && !rows.data}
        error={rows.isError ? rows.error : undefined}
        onRetry={() => void rows.refetch()}
        params={list.params}
        onPaging={list.setPaging}
        scrollX={1500}
        search={{ placeholder: t('search'), onSearch: (q) => list.setFilter({ q }) }}
        exportTo={{ url: '/api/fd/contracts/export', query: exportQuery }}
        onRowClick={(r) => setOpenId(r.id)}
        rowProps={(r) => ({ 'data-contract': r.id, 'data-resident': r.residentName })}
        filters={
          <>
            <Select
              allowClear
              aria-label={t('team')}
              placeholder={t('allTeams')}
              style={{ width: 170 }}
              value={list.params.teamId ? Number(list.params.teamId) : undefined}
              onChange={(v?: number) => list.setFilter({ teamId: v })}
              options={(teams.data?.items ?? []).map((x) => ({ value: x.id, label: x.name }))}
            />
            <Select
              allowClear
              aria-label={t('keyPop')}
              placeholder={t('allKeyPops')}
              style={{ width: 150 }}
              value={list.params.keyPop}
              onChange={(v?: string) => list.setFilter({ keyPop: v })}
              options={KEY_POPS.map((k) => ({ value: k, label: keyPopLabel(k, lang) }))}
            />
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              aria-label={t('village')}
              placeholder={t('allVillages')}
              style={{ width: 160 }}
              value={list.params.orgId ? Number(list.params.orgId) : undefined}
              onChange={(v?: number) => list.setFilter({ orgId: v })}
              options={villages.map(([id, name]) => ({ value: id, label: name }))}
            />
          </>
        }
        columns={[
          {
            key: 'name',
            title: t('resident'),
            width: 90,
            fixed: 'left',
            mobile: 'title',
            sortKey: 'name',
            render: (r) => <Typography.Text strong>{r.residentName}</Typography.Text>,
          },
          {
            key: 'sex',
            title: t('sexAge'),
            width: 80,
            mobile: 'plain',
            render: (r) => `${r.sex === 'M' ? t('male') : t('female')} · ${t('ageYears', { n: r.age })}`,
          },
          { key: 'org', title: t('village'), width: 130, render: (r) => r.orgName },
          { key: 'team', title: t('team'), width: 150, render: (r) => r.teamName },
          { key: 'doctor', title: t('doctor'), width: 80, render: (r) => r.doctorName },
          { key: 'grid', title: t('gridMember'), width: 80, mobile: 'hide', render: (r) => r.gridMemberName ?? '—' },
          { key: 'cadre', title: t('cadre'), width: 100, mobile: 'hide', render: (r) => r.cadreName ?? '—' },
          {
            key: 'pops',
            title: t('keyPop'),
            width: 170,
            mobile: 'plain',
            render: (r) => (
              <Space size={[0, 4]} wrap>
                {r.keyPops.map((k) => (
                  <Tag key={k} color="gold">
                    {keyPopLabel(k, lang)}
                  </Tag>
                ))}
              </Space>
            ),
          },
          { key: 'pk', title: t('packages'), width: 180, render: (r) => r.packages.join('、') },
          {
            key: 'period',
            title: t('period'),
            width: 190,
            sortKey: 'signedTo',
            render: (r) => `${r.start} – ${r.end}`,
          },
          {
            key: 'ful',
            title: t('fulfilment'),
            width: 130,
            sortKey: 'fulfilment',
            render: (r) =>
              r.fulfilment === null ? (
                '—'
              ) : (
                <Progress percent={pct(r.fulfilment) ?? 0} size="small" format={() => `${r.fulfilment}%`} />
              ),
          },
          { key: 'last', title: t('lastService'), width: 100, render: (r) => r.lastDelivery ?? '—' },
          {
            key: 'status',
            title: t('status'),
            width: 130,
            fixed: 'right',
            mobile: 'extra',
            render: (r) => statusTag(r, t),
          },
        ]}
      />
      <ContractDrawer id={openId} onClose={() => setOpenId(null)} onOpen={setOpenId} />
    </Page>
  );
}

type Action = 'renew' | 'terminate' | 'changeTeam' | 'delivery' | null;

function ContractDrawer({
  id,
  onClose,
  onOpen,
}: {
  id: number | null;
  onClose: () => void;
  onOpen: (id: number) => void;
}) {
  const t = useT(fdMessages);
  const lang = useLang();
  const mobile = useIsMobile();
  const [action, setAction] = useState<Action>(null);
  const mayRenew = useMayCall('POST /api/fd/contracts/:id/renew');
  const mayTerminate = useMayCall('POST /api/fd/contracts/:id/terminate');
  const mayChange = useMayCall('POST /api/fd/contracts/:id/change-team');
  const mayDeliver = useMayCall('POST /api/fd/deliveries');
  const c = useQuery({
    queryKey: ['fd-contract', id],
    queryFn: () => apiGet(`/api/fd/contracts/${id}`, contractDetail),
    enabled: id !== null,
  });
  const settings = useSettings(id !== null);
  const d = c.data;
  const active = d?.status === 'active' && d.signedTo > todayShanghai();
  // 续签 opens within the renewal window before the end (the server says so too: 409 RENEWAL_NOT_OPEN)
  const renewable =
    d && settings.data ? addDays(d.signedTo, -settings.data.renewalWindowDays) <= todayShanghai() : false;
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size={mobile ? '100%' : 860}
      title={d ? `${t('detailTitle')} · ${d.residentName}` : t('detailTitle')}
      destroyOnHidden
      extra={
        d ? (
          <PrintButton
            label={t('printContract')}
            title={t('contractDoc')}
            paper="a4"
            size="small"
            render={() => <ContractDocument d={d} renewalDays={settings.data?.renewalWindowDays ?? 30} />}
          />
        ) : null
      }
    >
      {c.isError ? <ErrorAlert error={c.error} onRetry={() => void c.refetch()} /> : null}
      {d ? (
        <>
          <Space wrap style={{ marginBottom: 12 }}>
            {active && renewable && mayRenew && !d.renewedById ? (
              <Button type="primary" onClick={() => setAction('renew')}>
                {t('renew')}
              </Button>
            ) : null}
            {active && mayDeliver ? <Button onClick={() => setAction('delivery')}>{t('recordService')}</Button> : null}
            {active && mayChange ? <Button onClick={() => setAction('changeTeam')}>{t('changeTeam')}</Button> : null}
            {active && mayTerminate ? (
              <Button danger onClick={() => setAction('terminate')}>
                {t('terminate')}
              </Button>
            ) : null}
          </Space>
          <Descriptions size="small" bordered column={mobile ? 1 : 2}>
            <Descriptions.Item label={t('resident')}>
              {d.residentName}（{d.sex === 'M' ? t('male') : t('female')}，{t('ageYears', { n: d.age })}）
            </Descriptions.Item>
            <Descriptions.Item label={t('village')}>{d.orgName}</Descriptions.Item>
            <Descriptions.Item label={t('team')}>{d.teamName}</Descriptions.Item>
            <Descriptions.Item label={t('doctor')}>{d.doctorName}</Descriptions.Item>
            <Descriptions.Item label={t('period')}>
              {d.start} – {d.end}
            </Descriptions.Item>
            <Descriptions.Item label={t('status')}>
              {statusTag({ ...d, renewed: d.renewedById !== null }, t)}
            </Descriptions.Item>
            <Descriptions.Item label={t('cadre')}>{d.cadreName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('fulfilment')}>
              {d.fulfilment === null ? '—' : `${d.fulfilment}%`}
            </Descriptions.Item>
            <Descriptions.Item label={t('keyPop')} span={mobile ? 1 : 2}>
              {d.keyPops.length === 0 ? t('none') : null}
              {d.keyPops.map((k) => (
                <Tag key={k} color="gold">
                  {keyPopLabel(k, lang)}
                </Tag>
              ))}
            </Descriptions.Item>
          </Descriptions>
          <Space wrap style={{ margin: '8px 0' }}>
            {d.renewedFromId ? (
              <Button type="link" size="small" onClick={() => onOpen(d.renewedFromId ?? 0)}>
                ← {t('predecessor')}
              </Button>
            ) : null}
            {d.renewedById ? (
              <Button type="link" size="small" onClick={() => onOpen(d.renewedById ?? 0)}>
                {t('successor')} →
              </Button>
            ) : null}
          </Space>
          <Typography.Title level={5}>{t('entitlements')}</Typography.Title>
          {mobile ? (
            <div data-testid="entitlements">
              {d.entitlements.map((e) => (
                <div key={e.id} style={{ padding: '6px 0', borderBottom: '1px solid #f0f0f0' }}>
                  <div>
                    {e.name} {e.countsAsFollowup ? <Tag color="blue">{t('countsAsFollowup')}</Tag> : null}
                  </div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {e.packageName}
                  </Typography.Text>
                  <Progress
                    size="small"
                    percent={Math.min(100, Math.round((e.used * 100) / e.quota))}
                    format={() => `${e.used}/${e.quota}`}
                  />
                </div>
              ))}
            </div>
          ) : (
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={d.entitlements}
              scroll={{ x: 480 }}
              columns={[
                { title: t('packages'), dataIndex: 'packageName', width: 160 },
                {
                  title: t('item'),
                  render: (_, e) => (
                    <>
                      {e.name} {e.countsAsFollowup ? <Tag color="blue">{t('countsAsFollowup')}</Tag> : null}
                    </>
                  ),
                },
                {
                  title: t('used'),
                  width: 150,
                  render: (_, e) => (
                    <Progress
                      size="small"
                      percent={Math.min(100, Math.round((e.used * 100) / e.quota))}
                      format={() => `${e.used}/${e.quota}`}
                    />
                  ),
                },
              ]}
            />
          )}
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('deliveries')}
          </Typography.Title>
          {d.deliveries.length === 0 ? (
            <Typography.Text type="secondary">{t('noDeliveries')}</Typography.Text>
          ) : mobile ? (
            <div>
              {d.deliveries.map((x) => (
                <div key={x.id} style={{ padding: '4px 0', borderBottom: '1px solid #f0f0f0' }}>
                  {x.deliveredOn} · {serviceKindLabel(x.serviceKind, lang)} · {sourceLabel(x.source, lang)}{' '}
                  {x.counted ? <Tag color="green">{t('counted')}</Tag> : <Tag>{t('notCounted')}</Tag>}
                </div>
              ))}
            </div>
          ) : (
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={d.deliveries}
              columns={[
                { title: t('serviceDate'), dataIndex: 'deliveredOn', width: 110 },
                { title: t('serviceKind'), render: (_, x) => serviceKindLabel(x.serviceKind, lang) },
                { title: '', width: 80, render: (_, x) => sourceLabel(x.source, lang) },
                {
                  title: '',
                  width: 90,
                  render: (_, x) =>
                    x.counted ? <Tag color="green">{t('counted')}</Tag> : <Tag>{t('notCounted')}</Tag>,
                },
              ]}
            />
          )}
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('events')}
          </Typography.Title>
          <Timeline
            items={d.events.map((e) => ({
              content: (
                <span>
                  {formatDateTime(e.at)} · {eventLabel(e.action, lang)}
                  {e.staffName ? ` · ${e.staffName}` : ''}
                  {e.reason ? `：${e.reason}` : ''}
                </span>
              ),
            }))}
          />
          <Typography.Title level={5}>{t('signature')}</Typography.Title>
          <img
            src={d.signature}
            alt={t('signature')}
            data-testid="contract-signature"
            style={{ maxWidth: '100%', maxHeight: 220, border: '1px solid #eee', background: '#fff' }}
          />
          {action ? <ActionModal action={action} d={d} onClose={() => setAction(null)} onRenewed={onOpen} /> : null}
        </>
      ) : null}
    </Drawer>
  );
}

function ActionModal({
  action,
  d,
  onClose,
  onRenewed,
}: {
  action: Exclude<Action, null>;
  d: ContractDetail;
  onClose: () => void;
  onRenewed: (id: number) => void;
}) {
  const t = useT(fdMessages);
  const lang = useLang();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const teams = useTeams(action === 'changeTeam');
  // one client id per opened form: a resend replays
  const [clientId] = useState(newClientId);
  const [signature, setSignature] = useState<SignatureValue | null>(null);
  const [reason, setReason] = useState('');
  // the day the contract stops: today, or the day after a contract that started today (the server wants end > start)
  const [endDate, setEndDate] = useState<string | undefined>(
    todayShanghai() > d.start ? todayShanghai() : addDays(d.start, 1),
  );
  const [teamId, setTeamId] = useState<number | undefined>(d.teamId);
  const [doctorId, setDoctorId] = useState<number | undefined>();
  const [kind, setKind] = useState<ServiceKind | undefined>();
  const [on, setOn] = useState<string | undefined>(todayShanghai());
  const team = teams.data?.items.find((x) => x.id === teamId);
  const run = useMutation({
    mutationFn: async (): Promise<string> => {
      const base = `/api/fd/contracts/${d.id}`;
      if (action === 'renew') {
        if (!signature) throw new Error(t('needSignature'));
        const r = await apiSend(
          'POST',
          `${base}/renew`,
          { clientId, signatureKind: signature.kind, signature: signature.dataUrl },
          renewResult,
        );
        onRenewed(r.contractId);
        return t('renewed');
      }
      if (action === 'terminate') {
        await apiSend('POST', `${base}/terminate`, { reason, endDate }, okId);
        return t('terminated');
      }
      if (action === 'changeTeam') {
        await apiSend('POST', `${base}/change-team`, { teamId, doctorStaffId: doctorId, reason }, okId);
        return t('saved');
      }
      const r = await apiSend(
        'POST',
        '/api/fd/deliveries',
        { contractId: d.id, serviceKind: kind, deliveredOn: on, clientId },
        deliveryResult,
      );
      return r.status === 'counted'
        ? t('deliveryCounted')
        : r.status === 'duplicate'
          ? t('deliveryDuplicate')
          : t('deliveryNotCounted');
    },
    onSuccess: (text) => {
      void message.success(text);
      void qc.invalidateQueries({ queryKey: ['fd-contract'] });
      void qc.invalidateQueries({ queryKey: ['fd-contracts'] });
      onClose();
    },
  });
  const title = {
    renew: t('renew'),
    terminate: t('terminate'),
    changeTeam: t('changeTeam'),
    delivery: t('recordService'),
  }[action];
  return (
    <Modal
      open
      title={`${title} · ${d.residentName}`}
      onCancel={onClose}
      okText={t('submit')}
      cancelText={t('cancel')}
      okButtonProps={{ danger: action === 'terminate', loading: run.isPending }}
      onOk={() => run.mutate()}
      destroyOnHidden
    >
      {run.isError ? <ErrorAlert error={run.error} /> : null}
      <Form layout="vertical" style={{ marginTop: 8 }}>
        {action === 'renew' ? <SignatureInput value={signature} onChange={setSignature} /> : null}
        {action === 'terminate' ? (
          <Form.Item label={t('endDate')} required>
            <DateInput aria-label={t('endDate')} value={endDate} onChange={setEndDate} style={{ width: '100%' }} />
          </Form.Item>
        ) : null}
        {action === 'changeTeam' ? (
          <>
            <Form.Item label={t('newTeam')} required>
              <Select
                aria-label={t('newTeam')}
                value={teamId}
                onChange={(v: number) => {
                  setTeamId(v);
                  setDoctorId(undefined);
                }}
                options={(teams.data?.items ?? []).map((x) => ({ value: x.id, label: x.name }))}
              />
            </Form.Item>
            <Form.Item label={t('newDoctor')} required>
              <Select
                aria-label={t('newDoctor')}
                value={doctorId}
                onChange={setDoctorId}
                options={(team?.members ?? [])
                  .filter((m) => m.toDate === null || m.toDate >= todayShanghai())
                  .map((m) => ({ value: m.staffId, label: `${m.name}（${m.orgName}）` }))}
              />
            </Form.Item>
          </>
        ) : null}
        {action === 'terminate' || action === 'changeTeam' ? (
          <Form.Item label={t('reason')} required>
            <Input.TextArea
              aria-label={t('reason')}
              rows={2}
              maxLength={200}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
          </Form.Item>
        ) : null}
        {action === 'delivery' ? (
          <>
            <Form.Item label={t('serviceKind')} required>
              <Select
                aria-label={t('serviceKind')}
                value={kind}
                onChange={setKind}
                options={SERVICE_KINDS.map((k) => ({ value: k, label: serviceKindLabel(k, lang) }))}
              />
            </Form.Item>
            <Form.Item label={t('serviceDate')} required>
              <DateInput aria-label={t('serviceDate')} value={on} onChange={setOn} style={{ width: '100%' }} />
            </Form.Item>
          </>
        ) : null}
      </Form>
    </Modal>
  );
}

/** 协议书: the agreement as signed, for the A4 printer (the resident keeps one copy, the clinic one). */
function ContractDocument({ d, renewalDays }: { d: ContractDetail; renewalDays: number }) {
  const t = useT(fdMessages);
  const lang = useLang();
  const packages = [...new Set(d.entitlements.map((e) => e.packageName))];
  const cell = { border: '1px solid #000', padding: 4 } as const;
  return (
    <div style={{ fontSize: 14, lineHeight: 1.8 }}>
      <h2 style={{ textAlign: 'center' }}>{t('contractDoc')}</h2>
      <p>
        {t('docPartyA', {
          name: d.residentName,
          sex: d.sex === 'M' ? t('male') : t('female'),
          age: d.age,
          id: d.idNumber,
        })}
      </p>
      <p>{t('docPartyB', { team: d.teamName, doctor: d.doctorName, org: d.orgName })}</p>
      <p>
        {t('docPeriod', {
          from: d.start,
          to: d.signedTo,
          pops: d.keyPops.map((k) => keyPopLabel(k, lang)).join('、') || t('none'),
        })}
      </p>
      <p>{t('docPackages', { names: packages.join('、') })}</p>
      <table style={{ width: '100%', borderCollapse: 'collapse' }}>
        <thead>
          <tr>
            <th style={cell}>{t('item')}</th>
            <th style={cell}>{t('quota')}</th>
          </tr>
        </thead>
        <tbody>
          {d.entitlements.map((e) => (
            <tr key={e.id}>
              <td style={cell}>{e.name}</td>
              <td style={{ ...cell, textAlign: 'center' }}>{e.quota}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p style={{ marginTop: 12 }}>{t('docTerms', { days: renewalDays })}</p>
      <div style={{ display: 'flex', justifyContent: 'space-between', marginTop: 16 }}>
        <div>
          {t('docSignA')}
          <br />
          <img src={d.signature} alt={t('signature')} style={{ maxHeight: 90, maxWidth: 260 }} />
        </div>
        <div>
          {t('docSignB', { doctor: d.doctorName })}
          <br />
          {t('docCadre', { name: d.cadreName ?? '＿＿＿＿' })}
          <br />
          {t('docDate', { date: d.start })}
        </div>
      </div>
    </div>
  );
}
