import { Tag } from 'antd';
import type { Translate } from '../../web/i18n.ts';
import { remoteMessages } from './remote.i18n.ts';

export type RemoteT = Translate<typeof remoteMessages>;

/** a coded value's words ('centre', 'ecg' → 心电); an unknown value is shown as it is */
export function word(t: RemoteT, prefix: string, value: string | null | undefined): string {
  if (value === null || value === undefined) return '—';
  const key = `${prefix}.${value}`;
  return key in remoteMessages ? t(key as keyof typeof remoteMessages & string) : value;
}

const PRIORITY_COLOR: Record<string, string> = { stat: 'red', urgent: 'orange', routine: 'default' };
const STATUS_COLOR: Record<string, string> = {
  awaiting_study: 'default',
  ready: 'blue',
  claimed: 'processing',
  in_review: 'purple',
  issued: 'green',
  recognised: 'cyan',
  cancelled: 'default',
  external: 'default',
};

export const PriorityTag = ({ t, value }: { t: RemoteT; value: string }) => (
  <Tag color={PRIORITY_COLOR[value] ?? 'default'}>{word(t, 'priority', value)}</Tag>
);
export const StatusTag = ({ t, value }: { t: RemoteT; value: string }) => (
  <Tag color={STATUS_COLOR[value] ?? 'default'}>{word(t, 'status', value)}</Tag>
);

/** 剩 12 分钟 / 超时 5 分钟 for an open request; nothing once it is closed */
export function DueText({ t, minutes, overdue }: { t: RemoteT; minutes: number | null; overdue: boolean }) {
  if (minutes === null) return overdue ? <Tag color="red">{t('overdue')}</Tag> : null;
  return minutes < 0 ? (
    <Tag color="red" data-testid="overdue">
      {t('overdueBy', { n: -minutes })}
    </Tag>
  ) : (
    <span>{t('minutesLeft', { n: minutes })}</span>
  );
}
