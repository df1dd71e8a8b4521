import {
  CalendarOutlined,
  CheckSquareOutlined,
  ExperimentOutlined,
  FileSearchOutlined,
  SoundOutlined,
  SwapOutlined,
  AuditOutlined,
} from '@ant-design/icons';
import { Card, Col, Row, Skeleton, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { ErrorAlert } from '../../web/error-alert.tsx';
import { defineDict, useLang, useT } from '../../web/i18n.ts';
import type { TodoItem, TodoKey } from '../todo.schema.ts';
import { useTodo } from './todo.api.ts';

const messages = defineDict({
  title: ['待办', 'To do'],
  allClear: ['暂无待办', 'Nothing waiting'],
  escalated: ['其中 {n} 件已超时升级', '{n} escalated (past deadline)'],
  overdue: ['其中 {n} 项已过期', '{n} past their due date'],
  urgent: ['其中 {n} 项为急诊或加急', '{n} emergency or urgent'],
});

/** What each count is, in the words of the person who does the work, and where it is done. */
const KINDS: Record<
  TodoKey,
  {
    label: readonly [string, string];
    hint: readonly [string, string];
    icon: ReactNode;
    attention?: keyof typeof messages;
  }
> = {
  referrals_awaiting: {
    label: ['待接收转诊', 'Referrals to accept'],
    hint: ['转入本机构，等待接收、拒绝或改派', 'Incoming: accept, refuse or redirect'],
    icon: <SwapOutlined />,
    attention: 'escalated',
  },
  down_referral_tasks: {
    label: ['下转任务', 'Down-referral tasks'],
    hint: ['下转患者的接收确认与随访', 'Confirm down-referred patients, follow up'],
    icon: <CheckSquareOutlined />,
    attention: 'overdue',
  },
  exams_to_perform: {
    label: ['待执行检查', 'Exams to perform'],
    hint: ['一单通检查：待预约或待检查', 'Group exam orders to schedule or perform'],
    icon: <ExperimentOutlined />,
    attention: 'urgent',
  },
  exams_to_report: {
    label: ['待出报告', 'Exams to report'],
    hint: ['已完成检查，等待阅片和报告', 'Performed, waiting for the reading and report'],
    icon: <FileSearchOutlined />,
    attention: 'urgent',
  },
  sessions_as_expert: {
    label: ['今日我的坐诊', 'My sessions today'],
    hint: ['打开叫号工作台', 'Open the calling console'],
    icon: <SoundOutlined />,
  },
  sessions_at_my_org: {
    label: ['今日本机构门诊', "Today's sessions here"],
    hint: ['签到与叫号', 'Check-in and calling'],
    icon: <CalendarOutlined />,
  },
  sessions_to_approve: {
    label: ['待审批门诊', 'Sessions to approve'],
    hint: ['超出补贴预算的坐诊安排', 'Sessions over the subsidy budget'],
    icon: <AuditOutlined />,
  },
};

function TodoCard({ item }: { item: TodoItem }) {
  const m = useT(messages);
  const lang = useLang();
  const navigate = useNavigate();
  const kind = KINDS[item.key];
  const pick = (pair: readonly [string, string]) => pair[lang === 'zh' ? 0 : 1];
  return (
    <Card
      hoverable
      size="small"
      onClick={() => navigate(item.link)}
      className={item.count > 0 ? 'oc-todo-card oc-todo-busy' : 'oc-todo-card'}
      data-testid={`todo-${item.key}`}
      role="link"
      aria-label={`${pick(kind.label)} ${item.count}`}
    >
      <div className="oc-todo-head">
        <span className="oc-home-icon">{kind.icon}</span>
        <Typography.Text strong>{pick(kind.label)}</Typography.Text>
        <span className="oc-todo-count" data-testid={`todo-count-${item.key}`}>
          {item.count}
        </span>
      </div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {pick(kind.hint)}
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
  const m = useT(messages);
  const todo = useTodo();
  if (todo.isPending) return <Skeleton active paragraph={{ rows: 2 }} />;
  if (todo.isError) return <ErrorAlert error={todo.error} onRetry={() => todo.refetch()} />;
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
