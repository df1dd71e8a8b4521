import { useMutation, useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Empty,
  Form,
  Input,
  Result,
  Select,
  Space,
  Spin,
  Steps,
  Tag,
  Typography,
} from 'antd';
import { useMemo, useRef, useState } from 'react';
import { Link } from 'react-router';
import { residentPage } from '../../residents/residents.schema.ts';
import { apiGet, apiSend, isApiError } from '../../web/api.ts';
import { useCurrentUser } from '../../web/current-user.ts';
import { ErrorAlert, errorMessage } from '../../web/error-alert.tsx';
import { todayShanghai } from '../../web/format.ts';
import { useLang, useT } from '../../web/i18n.ts';
import { DateInput } from '../../web/kit/date-input.tsx';
import { Page } from '../../web/page.tsx';
import { useIsMobile } from '../../web/use-is-mobile.ts';
import { household, newClientId, signResult, usePackages, useTeams, type FdPackage, type KeyPop } from './fd.api.ts';
import { fdMessages, keyPopLabel } from './fd.i18n.ts';
import { SignatureInput, type SignatureValue } from './signature-input.tsx';

/** back / next at the foot of a step, wide enough for a thumb */
const ACTIONS = {
  display: 'flex',
  justifyContent: 'space-between',
  alignItems: 'center',
  gap: 8,
  marginTop: 16,
} as const;

const CATEGORY_COLOR = { basic: 'blue', personalised: 'green', paid: 'orange' } as const;

/** which key populations a personalised package is meant for */
const TARGET_POPS: Record<string, KeyPop[]> = {
  hypertension: ['hypertension'],
  diabetes: ['diabetes'],
  elderly: ['elderly'],
  maternal: ['maternal'],
  child: ['child'],
  mental: ['mental'],
  rehab: ['disabled'],
};

/** 签约（手机）: a village doctor signs a resident's whole household in four steps, on a phone. */
export function SignPage() {
  const t = useT(fdMessages);
  const lang = useLang();
  const me = useCurrentUser();
  const mobile = useIsMobile();
  const [step, setStep] = useState(0);
  const [q, setQ] = useState('');
  const [residentId, setResidentId] = useState<number | null>(null);
  const [chosen, setChosen] = useState<number[]>([]);
  const [teamId, setTeamId] = useState<number | undefined>();
  const [doctorId, setDoctorId] = useState<number | undefined>();
  const [packageIds, setPackageIds] = useState<number[]>([]);
  const [startDate, setStartDate] = useState(todayShanghai());
  const [cadre, setCadre] = useState('');
  const [signature, setSignature] = useState<SignatureValue | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  /** one client id per resident, made once per form: a resend after a network error replays, never duplicates */
  const clientIds = useRef(new Map<number, string>());
  const clientIdOf = (id: number) => {
    let v = clientIds.current.get(id);
    if (!v) clientIds.current.set(id, (v = newClientId()));
    return v;
  };

  const found = useQuery({
    queryKey: ['fd-sign-residents', q],
    queryFn: () => apiGet('/api/residents', residentPage, { q, pageSize: 10 }),
    enabled: q.length > 0,
  });
  const home = useQuery({
    queryKey: ['fd-household', residentId],
    queryFn: () => apiGet(`/api/fd/households/${residentId}`, household),
    enabled: residentId !== null,
  });
  const teams = useTeams();
  const packages = usePackages();
  const current = useMemo(() => (packages.data?.items ?? []).filter((p) => p.current), [packages.data]);
  const team = teams.data?.items.find((x) => x.id === teamId);
  const doctors = (team?.members ?? []).filter(
    (m) => m.fromDate <= startDate && (m.toDate === null || m.toDate >= startDate),
  );
  const members = home.data?.members ?? [];
  const chosenMembers = members.filter((m) => chosen.includes(m.residentId) && m.contractId === null && !m.deceased);
  const pops = new Set(chosenMembers.flatMap((m) => m.keyPops));
  const suggested = (p: FdPackage) =>
    p.category === 'personalised' && (TARGET_POPS[p.target ?? ''] ?? []).some((k) => pops.has(k));

  const pickResident = (id: number) => {
    setResidentId(id);
    setChosen([]);
    clientIds.current = new Map();
    setStep(1);
  };
  const toStep3 = () => {
    if (teamId === undefined && home.data?.team) setTeamId(home.data.team.id);
    const t0 = teams.data?.items.find((x) => x.id === (teamId ?? home.data?.team?.id));
    if (doctorId === undefined && t0?.members.some((m) => m.staffId === me.id)) setDoctorId(me.id);
    if (packageIds.length === 0) {
      const basic = current.find((p) => p.category === 'basic');
      if (basic) setPackageIds([basic.id]);
    }
    setStep(2);
  };

  const submit = useMutation({
    mutationFn: () => {
      if (!signature || teamId === undefined || doctorId === undefined) throw new Error(t('needSignature'));
      return apiSend(
        'POST',
        '/api/fd/contracts',
        {
          members: chosenMembers.map((m) => ({ residentId: m.residentId, clientId: clientIdOf(m.residentId) })),
          teamId,
          doctorStaffId: doctorId,
          packageIds,
          startDate,
          cadreName: cadre.trim() || undefined,
          signatureKind: signature.kind,
          signature: signature.dataUrl,
          deviceAt: new Date().toISOString(),
        },
        signResult,
      );
    },
    onMutate: () => setProblem(null),
    onError: (e) => {
      setProblem(isApiError(e) || e instanceof Error ? e.message : errorMessage(e));
      // someone signed a member meanwhile (all or none was saved): the household is read again to show who
      if (isApiError(e) && e.status === 409) void home.refetch();
    },
  });
  const restart = () => {
    submit.reset();
    setStep(0);
    setResidentId(null);
    setChosen([]);
    setSignature(null);
    setPackageIds([]);
    setCadre('');
    clientIds.current = new Map();
  };

  const byId = new Map(members.map((m) => [m.residentId, m.name]));
  if (submit.data) {
    const replayed = submit.data.contracts.filter((c) => c.replayed).length;
    return (
      <Page title={t('signTitle')}>
        <Result
          status="success"
          title={t('signedOk', { n: submit.data.contracts.length })}
          subTitle={
            <Space orientation="vertical">
              <span data-testid="signed-names">
                {submit.data.contracts.map((c) => byId.get(c.residentId) ?? c.residentId).join('、')}
              </span>
              {replayed ? <span>{t('replayedN', { n: replayed })}</span> : null}
            </Space>
          }
          extra={[
            <Button key="again" type="primary" onClick={restart}>
              {t('signAnother')}
            </Button>,
            <Link key="list" to="/fd/contracts">
              <Button>{t('openList')}</Button>
            </Link>,
          ]}
        />
      </Page>
    );
  }

  const stepItems = [t('step1'), t('step2'), t('step3'), t('step4')].map((title) => ({ title }));
  return (
    <Page title={t('signTitle')}>
      <div style={{ maxWidth: 720 }}>
        <Steps
          size="small"
          current={step}
          items={stepItems}
          orientation="horizontal"
          responsive={false}
          titlePlacement={mobile ? 'vertical' : 'horizontal'}
          style={{ marginBottom: 16 }}
        />
        {step === 0 ? (
          <Card size="small">
            <Input.Search
              allowClear
              enterButton
              size="large"
              placeholder={t('findPlaceholder')}
              aria-label={t('findPlaceholder')}
              onSearch={(v) => setQ(v.trim())}
            />
            <div style={{ marginTop: 12 }}>
              {found.isFetching ? <Spin /> : null}
              {found.isError ? <ErrorAlert error={found.error} /> : null}
              {found.data && found.data.items.length === 0 ? <Empty description={t('noResident')} /> : null}
              {(found.data?.items ?? []).map((r) => (
                <Card
                  key={r.id}
                  size="small"
                  hoverable
                  className="fd-resident-hit"
                  data-resident={r.name}
                  style={{ marginBottom: 8 }}
                  onClick={() => pickResident(r.id)}
                >
                  <Space wrap>
                    <Typography.Text strong>{r.name}</Typography.Text>
                    <span>
                      {r.sex === 'M' ? t('male') : t('female')} {t('ageYears', { n: r.age })}
                    </span>
                    <Typography.Text type="secondary">{r.idNumber}</Typography.Text>
                  </Space>
                  <div>
                    <Typography.Text type="secondary">
                      {r.orgName}
                      {r.householdNo ? ` · ${t('household', { no: r.householdNo })}` : ''}
                    </Typography.Text>
                  </div>
                </Card>
              ))}
            </div>
          </Card>
        ) : null}
        {step === 1 ? (
          <Card
            size="small"
            title={home.data?.householdNo ? t('household', { no: home.data.householdNo }) : t('singleResident')}
          >
            {home.isLoading ? <Spin /> : null}
            {home.isError ? <ErrorAlert error={home.error} onRetry={() => void home.refetch()} /> : null}
            <Space orientation="vertical" style={{ width: '100%' }}>
              {members.map((m) => {
                const disabled = m.deceased || m.contractId !== null;
                return (
                  <div key={m.residentId} className="fd-member" data-member={m.name}>
                    <Checkbox
                      disabled={disabled}
                      checked={chosen.includes(m.residentId)}
                      onChange={(e) =>
                        setChosen((c) =>
                          e.target.checked ? [...c, m.residentId] : c.filter((x) => x !== m.residentId),
                        )
                      }
                    >
                      <Typography.Text strong>{m.name}</Typography.Text>{' '}
                      <span>
                        {m.sex === 'M' ? t('male') : t('female')} {t('ageYears', { n: m.age })}
                      </span>
                    </Checkbox>
                    <div style={{ paddingLeft: 24 }}>
                      {m.deceased ? <Tag>{t('deceased')}</Tag> : null}
                      {m.contractTo ? <Tag color="green">{t('signedUntil', { date: m.contractTo })}</Tag> : null}
                      {m.keyPops.map((k) => (
                        <Tag key={k} color="gold">
                          {keyPopLabel(k, lang)}
                        </Tag>
                      ))}
                    </div>
                  </div>
                );
              })}
            </Space>
            <div style={ACTIONS}>
              <Button onClick={() => setStep(0)}>{t('back')}</Button>
              <Typography.Text type="secondary">{t('chosenN', { n: chosenMembers.length })}</Typography.Text>
              <Button type="primary" disabled={chosenMembers.length === 0} onClick={toStep3}>
                {t('next')}
              </Button>
            </div>
          </Card>
        ) : null}
        {step === 2 ? (
          <Card size="small">
            <Form layout="vertical">
              {home.data?.team ? (
                <Alert
                  type="info"
                  showIcon
                  style={{ marginBottom: 12 }}
                  title={t('servingTeam', { name: home.data.team.name })}
                />
              ) : (
                <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('noServingTeam')} />
              )}
              {teams.data && teams.data.items.length === 0 ? (
                <Alert type="error" style={{ marginBottom: 12 }} title={t('noTeams')} />
              ) : null}
              <Form.Item label={t('team')} required>
                <Select
                  aria-label={t('team')}
                  placeholder={t('pickTeam')}
                  value={teamId}
                  onChange={(v: number) => {
                    setTeamId(v);
                    const tm = teams.data?.items.find((x) => x.id === v);
                    setDoctorId(tm?.members.some((m) => m.staffId === me.id) ? me.id : undefined);
                  }}
                  options={(teams.data?.items ?? [])
                    .filter((x) => x.active)
                    .map((x) => ({ value: x.id, label: x.name }))}
                />
              </Form.Item>
              <Form.Item label={t('doctor')} required>
                <Select
                  aria-label={t('doctor')}
                  placeholder={t('pickDoctor')}
                  value={doctorId}
                  onChange={setDoctorId}
                  options={doctors.map((m) => ({ value: m.staffId, label: `${m.name}（${m.orgName}）` }))}
                />
              </Form.Item>
              <Form.Item label={t('packages')} required>
                {current.length === 0 ? <Alert type="error" title={t('noPackages')} /> : null}
                <Space orientation="vertical" style={{ width: '100%' }}>
                  {current.map((p) => {
                    const basic = p.category === 'basic';
                    const only =
                      basic &&
                      packageIds.filter((id) => current.find((x) => x.id === id)?.category === 'basic').length === 1 &&
                      packageIds.includes(p.id);
                    return (
                      <span key={p.id} data-package={p.code}>
                        <Checkbox
                          checked={packageIds.includes(p.id)}
                          disabled={only}
                          onChange={(e) =>
                            setPackageIds((ids) => (e.target.checked ? [...ids, p.id] : ids.filter((x) => x !== p.id)))
                          }
                        >
                          <Tag color={CATEGORY_COLOR[p.category]}>{t(p.category)}</Tag>
                          {p.name}
                          {suggested(p) ? (
                            <Tag color="magenta" style={{ marginLeft: 6 }}>
                              {t('suggested')}
                            </Tag>
                          ) : null}
                        </Checkbox>
                      </span>
                    );
                  })}
                </Space>
              </Form.Item>
              <Form.Item label={t('startDate')} required>
                <DateInput
                  aria-label={t('startDate')}
                  value={startDate}
                  allowClear={false}
                  onChange={(v) => v && setStartDate(v)}
                  style={{ width: '100%' }}
                />
              </Form.Item>
              <Form.Item label={t('cadreName')}>
                <Input
                  aria-label={t('cadreName')}
                  value={cadre}
                  maxLength={20}
                  onChange={(e) => setCadre(e.target.value)}
                />
              </Form.Item>
            </Form>
            <div style={ACTIONS}>
              <Button onClick={() => setStep(1)}>{t('back')}</Button>
              <Button
                type="primary"
                disabled={
                  teamId === undefined ||
                  doctorId === undefined ||
                  !packageIds.some((id) => current.find((p) => p.id === id)?.category === 'basic')
                }
                onClick={() => setStep(3)}
              >
                {t('next')}
              </Button>
            </div>
          </Card>
        ) : null}
        {step === 3 ? (
          <Card size="small">
            <Typography.Paragraph>
              {chosenMembers.map((m) => m.name).join('、')} · {team?.name} ·{' '}
              {current
                .filter((p) => packageIds.includes(p.id))
                .map((p) => p.name)
                .join('、')}
            </Typography.Paragraph>
            <SignatureInput value={signature} onChange={setSignature} />
            {problem ? (
              <Alert
                type="error"
                showIcon
                data-testid="sign-error"
                style={{ marginTop: 12 }}
                title={problem}
                description={
                  isApiError(submit.error) && submit.error.status === 0 ? (
                    t('retryHint')
                  ) : isApiError(submit.error) && submit.error.status === 409 ? (
                    <Button size="small" onClick={() => setStep(1)}>
                      {t('conflictBack')}
                    </Button>
                  ) : undefined
                }
              />
            ) : null}
            <div style={ACTIONS}>
              <Button onClick={() => setStep(2)}>{t('back')}</Button>
              <Button
                type="primary"
                size="large"
                disabled={!signature}
                loading={submit.isPending}
                onClick={() => submit.mutate()}
              >
                {t('signSubmit')}
              </Button>
            </div>
          </Card>
        ) : null}
      </div>
    </Page>
  );
}
