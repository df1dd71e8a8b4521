import { Alert, Button, Card, List, Space, Tag, Typography } from 'antd';
import { formatDateTime } from '../../web/format.ts';
import { useLang, useT } from '../../web/i18n.ts';
import type { KitReading } from './chronic.api.ts';
import { chronicMessages, KIT_GLUCOSE, KIT_KIND, label } from './chronic.i18n.ts';

/**
 * The village health kit's readings on the chronic pages (issue 12 §6): on the case, and in
 * the follow-up form, where a blood pressure or glucose measured on the visit day is used for
 * the visit instead of being typed again (and the follow-up reviews a flagged one).
 */

export function kitValue(r: KitReading, lang: 'zh' | 'en'): string {
  switch (r.kind) {
    case 'bp':
      return `${r.systolic ?? '—'}/${r.diastolic ?? '—'} mmHg${r.pulse !== null ? ` · ${r.pulse} /min` : ''}`;
    case 'glucose':
      return `${r.glucose ?? '—'} mmol/L（${label(KIT_GLUCOSE, r.glucoseCtx ?? 'random', lang)}）`;
    case 'spo2':
      return `${r.spo2 ?? '—'}%`;
    case 'temperature':
      return `${r.temperature ?? '—'} ℃`;
    case 'ecg':
      return '';
  }
}

function KitTags({ r }: { r: KitReading }) {
  const t = useT(chronicMessages);
  return (
    <>
      {r.flagged ? (
        <Tag color={r.reviewedAt ? 'default' : 'red'} title={r.flagReasons.join('；')}>
          {r.reviewedAt ? t('kitReviewed') : t('kitFlagged')}
        </Tag>
      ) : null}
      {r.followupDate ? <Tag color="blue">{t('kitInFollowup', { d: r.followupDate })}</Tag> : null}
    </>
  );
}

/** the case's kit readings, newest first */
export function KitReadingsCard({ readings }: { readings: readonly KitReading[] }) {
  const t = useT(chronicMessages);
  const lang = useLang();
  return (
    <Card size="small" title={t('kitReadings')} data-testid="case-kit-readings">
      {readings.length === 0 ? <Typography.Text type="secondary">{t('nothing')}</Typography.Text> : null}
      {readings.map((r) => (
        <div key={`${r.deviceId}/${r.readingId}`} data-kit-reading={r.readingId}>
          {formatDateTime(r.measuredAt)} · {label(KIT_KIND, r.kind, lang)} {kitValue(r, lang)} <KitTags r={r} />
        </div>
      ))}
    </Card>
  );
}

/** In the follow-up form: the visit day's BP and glucose from the kit, each one tap to use. */
export function KitPrefill({
  readings,
  visitDate,
  chosen,
  onUse,
  onDrop,
}: {
  readings: readonly KitReading[];
  visitDate: string | undefined;
  chosen: readonly KitReading[];
  onUse: (r: KitReading) => void;
  onDrop: (r: KitReading) => void;
}) {
  const t = useT(chronicMessages);
  const lang = useLang();
  const day = readings.filter(
    (r) => (r.kind === 'bp' || r.kind === 'glucose') && r.measuredOn === visitDate && r.followupId === null,
  );
  if (day.length === 0) return null;
  const isChosen = (r: KitReading) => chosen.some((c) => c.deviceId === r.deviceId && c.readingId === r.readingId);
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 12 }}
      data-testid="kit-prefill"
      title={t('kitToday')}
      description={
        <>
          <List
            size="small"
            dataSource={day}
            renderItem={(r) => (
              <List.Item
                style={{ paddingInline: 0 }}
                data-kit-reading={r.readingId}
                actions={[
                  isChosen(r) ? (
                    <Button key="drop" size="small" onClick={() => onDrop(r)}>
                      {t('kitDrop')}
                    </Button>
                  ) : (
                    <Button key="use" size="small" type="primary" onClick={() => onUse(r)}>
                      {t('kitUse')}
                    </Button>
                  ),
                ]}
              >
                <Space wrap size={4}>
                  <Typography.Text className="oc-mono">{formatDateTime(r.measuredAt).slice(11)}</Typography.Text>
                  <Typography.Text strong>
                    {label(KIT_KIND, r.kind, lang)} {kitValue(r, lang)}
                  </Typography.Text>
                  {isChosen(r) ? <Tag color="green">{t('kitChosen')}</Tag> : null}
                  <KitTags r={r} />
                </Space>
              </List.Item>
            )}
          />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('kitHint')}
          </Typography.Text>
        </>
      }
    />
  );
}
