import { useQuery } from '@tanstack/react-query';
import { Card, Result, Statistic, Typography } from 'antd';
import { useParams } from 'react-router';
import { errorMessage } from '../../web/error-alert.tsx';
import { ticketStatus } from '../queue.schema.ts';
import { publicFetch } from './public-api.ts';
import { clock } from './clinics.i18n.ts';

const STATUS: Record<string, string> = { waiting: '候诊中', called: '请立即到诊室就诊', skipped: '已过号，请到分诊台重新排队', done: '就诊已完成' };

/** The patient's phone page (from the check-in slip): place in the queue and estimated wait. */
export function TicketPage() {
  const token = useParams().token ?? '';
  const q = useQuery({ queryKey: ['ticket', token], queryFn: () => publicFetch(`/api/queue-ticket?token=${encodeURIComponent(token)}`, ticketStatus), refetchInterval: 10_000 });
  const t = q.data;
  if (q.isError && !t) return <Result status="warning" title="无法查看排队" subTitle={errorMessage(q.error)} />;
  if (!t) return null;
  return (
    <div style={{ maxWidth: 480, margin: '0 auto', padding: 16 }}>
      <Card>
        <Typography.Title level={4} style={{ marginTop: 0 }}>{t.orgName} · {t.departmentName}</Typography.Title>
        <Typography.Paragraph type="secondary">{t.doctor} · {/诊室/.test(t.room) ? t.room : `${t.room} 诊室`} · {clock(t.sessionStartsAt)} 开诊</Typography.Paragraph>
        <Statistic title={`您的号码（${t.maskedName}）`} value={`${t.number} 号`} valueStyle={{ fontSize: 48 }} />
        <Typography.Title level={3} data-testid="ticket-status" type={t.status === 'called' ? 'danger' : undefined}>{STATUS[t.status]}</Typography.Title>
        {t.status === 'waiting' ? (
          <>
            <Statistic title="前面还有" value={t.position ?? 0} suffix="人" />
            <Statistic title="预计等待" value={t.estimatedWaitMinutes ?? 0} suffix="分钟" />
            <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>按每位患者约 {t.minutesPerPatient} 分钟估算；急诊、转诊和 80 岁以上患者优先。</Typography.Paragraph>
          </>
        ) : null}
        <Typography.Paragraph>当前叫号：{t.currentNumber ?? '—'} 号</Typography.Paragraph>
      </Card>
    </div>
  );
}
