import {
  CalendarOutlined,
  CheckSquareOutlined,
  ExperimentOutlined,
  FileSearchOutlined,
  SoundOutlined,
  SwapOutlined,
  AuditOutlined,
  AccountBookOutlined,
  SafetyCertificateOutlined,
  AlertOutlined,
  ScheduleOutlined,
  FileDoneOutlined,
  FieldTimeOutlined,
  InboxOutlined,
  PhoneOutlined,
  CarOutlined,
  MedicineBoxOutlined,
} from '@ant-design/icons';
import { Card, Col, Row, Skeleton, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { ErrorAlert } from '../../web/error-alert.tsx';
import { useLang, useT } from '../../web/i18n.ts';
import type { TodoItem, TodoKey } from '../todo.schema.ts';
import { useTodo } from './todo.api.ts';
import { TODO_KINDS, todoMessages } from './todo.i18n.ts';

/** What each count is, in the words of the person who does the work, and where it is done. */
const KINDS: Record<
  TodoKey,
  {
    icon: ReactNode;
    attention?: keyof typeof todoMessages;
  }
> = {
  grid_alerts: { icon: <AlertOutlined />, attention: 'urgent' },
  followups_due: { icon: <ScheduleOutlined />, attention: 'overdue' },
  contracts_to_renew: { icon: <FileDoneOutlined /> },
  stock_near_expiry: { icon: <FieldTimeOutlined />, attention: 'overdue' },
  recall_calls: { icon: <PhoneOutlined /> },
  deliveries_to_receive: { icon: <InboxOutlined />, attention: 'overdue' },
  ems_calls_waiting: { icon: <PhoneOutlined />, attention: 'urgent' },
  ems_missions_active: { icon: <CarOutlined />, attention: 'overdue' },
  ems_my_missions: { icon: <CarOutlined /> },
  ems_patients_expected: { icon: <MedicineBoxOutlined />, attention: 'urgent' },
  remote_to_read: { icon: <FileSearchOutlined />, attention: 'overdue' },
  remote_to_review: { icon: <CheckSquareOutlined />, attention: 'overdue' },
  remote_reports_unread: { icon: <FileSearchOutlined />, attention: 'amended' },
  remote_criticals_unacked: { icon: <AlertOutlined />, attention: 'urgent' },
  remote_tasks_open: { icon: <PhoneOutlined /> },
  referrals_awaiting: {
    icon: <SwapOutlined />,
    attention: 'escalated',
  },
  down_referral_tasks: {
    icon: <CheckSquareOutlined />,
    attention: 'overdue',
  },
  exams_to_perform: {
    icon: <ExperimentOutlined />,
    attention: 'urgent',
  },
  exams_to_report: {
    icon: <FileSearchOutlined />,
    attention: 'urgent',
  },
  sessions_as_expert: {
    icon: <SoundOutlined />,
  },
  sessions_at_my_org: {
    icon: <CalendarOutlined />,
  },
  sessions_to_approve: {
    icon: <AuditOutlined />,
  },
  discharges_to_settle: {
    icon: <AccountBookOutlined />,
    attention: 'overdue',
  },
  admissions_to_check: {
    icon: <SafetyCertificateOutlined />,
  },
};

function TodoCard({ item }: { item: TodoItem }) {
  const m = useT(todoMessages);
  const lang = useLang();
  const navigate = useNavigate();
  const kind = KINDS[item.key];
  const text = TODO_KINDS[item.key];
  const pick = (pair: readonly [string, string]) => pair[lang === 'zh' ? 0 : 1];
  return (
    <Card
      hoverable
      size="small"
      onClick={() => void navigate(item.link)}
      className={item.count > 0 ? 'oc-todo-card oc-todo-busy' : 'oc-todo-card'}
      data-testid={`todo-${item.key}`}
      role="link"
      aria-label={`${pick(text.label)} ${item.count}`}
    >
      <div className="oc-todo-head">
        <span className="oc-home-icon">{kind.icon}</span>
        <Typography.Text strong>{pick(text.label)}</Typography.Text>
        <span className="oc-todo-count" data-testid={`todo-count-${item.key}`}>
          {item.count}
        </span>
      </div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {pick(text.hint)}
      </Typography.Text>
      {kind.attention && item.attention > 0 ? (
        <div>
          <Typography.Text type="danger" style={{ fontSize: 12 }}>
            {m(kind.attention, { n: item.attention })}
          </Typography.Text>
        </div>
      ) : null}
    </Card>
  );
}

/**
 * The home page's first question answered: what is waiting for me? One card per kind of work
 * the user's role does, with its count for the user's own organisations, linking to the list.
 * Returns null for a role with no counted work (the bureau, the auditor).
 */
export function TodoPanel() {
  const m = useT(todoMessages);
  const todo = useTodo();
  if (todo.isPending) return <Skeleton active paragraph={{ rows: 2 }} />;
  if (todo.isError) return <ErrorAlert error={todo.error} onRetry={() => void todo.refetch()} />;
  const items = todo.data.items;
  if (!items.length) return null;
  const busy = items.some((i) => i.count > 0);
  return (
    <section style={{ marginBottom: 24 }} data-testid="todo">
      <Typography.Title level={5}>
        {m('title')}
        {busy ? null : <Typography.Text type="secondary"> · {m('allClear')}</Typography.Text>}
      </Typography.Title>
      <Row gutter={[12, 12]}>
        {items.map((item) => (
          <Col key={item.key} xs={12} md={8} xl={6}>
            <TodoCard item={item} />
          </Col>
        ))}
      </Row>
    </section>
  );
}
