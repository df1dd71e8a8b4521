import {
  ArrowLeftOutlined,
  CalendarOutlined,
  EditOutlined,
  ExperimentOutlined,
  EyeOutlined,
  SwapOutlined,
} from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Skeleton, Space, Tag } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useMayCall } from '../../web/current-user.ts';
import { ErrorAlert } from '../../web/error-alert.tsx';
import { common, useLang, useT } from '../../web/i18n.ts';
import { Page } from '../../web/page.tsx';
import { useResident } from './residents.api.ts';
import { conditionLabel, insuranceLabel, residentMessages, sexLabel } from './residents.i18n.ts';
import { RevealModal, type Revealed } from './reveal-modal.tsx';

/** 居民档案: masked by default; full values only after an audited reveal, for this view only. */
export function ResidentProfilePage() {
  const t = useT(residentMessages);
  const c = useT(common);
  const lang = useLang();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const query = useResident(id);
  const canReveal = useMayCall('POST /api/residents/:id/reveal');
  const canEdit = useMayCall('PATCH /api/residents/:id');
  // what a clinician does next for this resident, each page opened with the resident chosen
  const canRefer = useMayCall('POST /api/referrals');
  const canBook = useMayCall('POST /api/clinic-bookings');
  const canOrderExam = useMayCall('POST /api/exam-orders');
  const [revealing, setRevealing] = useState(false);
  const [shown, setShown] = useState<Revealed | null>(null);
  const r = query.data;

  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate(-1)}>
      {c('back')}
    </Button>
  );
  if (query.isError)
    return (
      <Page title={t('profile')} extra={back}>
        <ErrorAlert error={query.error} />
      </Page>
    );
  if (!r)
    return (
      <Page title={t('profile')}>
        <Skeleton active />
      </Page>
    );

  const idNumber = shown?.idNumber ?? r.idNumber;
  const mobile = shown?.mobile !== undefined ? shown.mobile : r.mobile;
  return (
    <Page
      title={
        <Space>
          {r.name}
          {r.deceasedOn ? <Tag>{t('deceased')}</Tag> : null}
        </Space>
      }
      extra={
        <>
          {back}
          {canReveal && !shown ? (
            <Button icon={<EyeOutlined />} onClick={() => setRevealing(true)}>
              {t('reveal')}
            </Button>
          ) : null}
          {canEdit ? (
            <Button type="primary" icon={<EditOutlined />} onClick={() => void navigate(`/residents/${r.id}/edit`)}>
              {t('edit')}
            </Button>
          ) : null}
        </>
      }
    >
      {shown ? <Alert type="info" showIcon title={t('revealed')} style={{ marginBottom: 16 }} /> : null}
      {!r.deceasedOn && (canRefer || canBook || canOrderExam) ? (
        <Card size="small" title={t('nextSteps')} style={{ marginBottom: 16 }} data-testid="resident-next-steps">
          <Space wrap>
            {canRefer ? (
              <Button
                type="primary"
                icon={<SwapOutlined />}
                onClick={() => void navigate(`/referrals/new?residentId=${r.id}`)}
                data-testid="resident-refer"
              >
                {t('refer')}
              </Button>
            ) : null}
            {canBook ? (
              <Button
                icon={<CalendarOutlined />}
                onClick={() => void navigate(`/clinics?residentId=${r.id}`)}
                data-testid="resident-book"
              >
                {t('bookExpert')}
              </Button>
            ) : null}
            {canOrderExam ? (
              <Button
                icon={<ExperimentOutlined />}
                onClick={() => void navigate(`/exam-orders?residentId=${r.id}`)}
                data-testid="resident-exam"
              >
                {t('orderExam')}
              </Button>
            ) : null}
          </Space>
        </Card>
      ) : null}
      <Card>
        <Descriptions
          bordered
          size="middle"
          column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 3, xxl: 3 }}
          items={[
            { key: 'name', label: t('name'), children: r.name },
            { key: 'sex', label: t('sex'), children: sexLabel(r.sex, lang) },
            { key: 'birth', label: t('birthDate'), children: r.birthDate },
            { key: 'age', label: t('age'), children: t('ageValue', { age: r.age }) },
            {
              key: 'id',
              label: t('idNumber'),
              children: (
                <span className="oc-mono" data-testid="resident-id-number">
                  {idNumber}
                </span>
              ),
            },
            {
              key: 'mobile',
              label: t('mobile'),
              children: (
                <span className="oc-mono" data-testid="resident-mobile">
                  {mobile ?? '—'}
                </span>
              ),
            },
            { key: 'village', label: t('village'), children: r.village ?? '—' },
            { key: 'household', label: t('householdNo'), children: r.householdNo ?? '—' },
            { key: 'org', label: t('org'), children: r.orgName },
            { key: 'insurance', label: t('insurance'), children: insuranceLabel(r.insuranceType, lang) },
            {
              key: 'poor',
              label: t('poor'),
              children: r.registeredPoor ? <Tag color="orange">{c('yes')}</Tag> : c('no'),
            },
            ...(r.deceasedOn ? [{ key: 'deceased', label: t('deceasedOn'), children: r.deceasedOn }] : []),
            // the long ones take the rest of their row, whatever the column count at this width
            { key: 'address', label: t('address'), children: r.address ?? '—', span: 'filled' },
            {
              key: 'conditions',
              label: t('conditions'),
              span: 'filled',
              children: r.chronicConditions.length ? (
                <Space size={[4, 4]} wrap>
                  {r.chronicConditions.map((x) => (
                    <Tag key={x} color="volcano">
                      {conditionLabel(x, lang)}
                    </Tag>
                  ))}
                </Space>
              ) : (
                c('none')
              ),
            },
          ]}
        />
      </Card>
      {revealing ? (
        <RevealModal
          residentId={r.id}
          hasMobile={r.mobile !== null}
          onClose={() => setRevealing(false)}
          onRevealed={setShown}
        />
      ) : null}
    </Page>
  );
}
