import { Button, Card, Empty, List, Space, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { ErrorAlert } from '../../web/error-alert.tsx';
import { Page } from '../../web/page.tsx';
import { useReferralStream, useTasks } from './referrals.api.ts';

/** 下转任务: what the county sent down to this centre or clinic; confirming receipt happens on the referral. */
export function ReferralTasksPage() {
  const navigate = useNavigate();
  const tasks = useTasks('pending');
  useReferralStream();
  return (
    <Page title="下转任务">
      {tasks.isError ? <ErrorAlert error={tasks.error} /> : null}
      <Card size="small">
        <List
          loading={tasks.isLoading}
          dataSource={tasks.data ?? []}
          locale={{ emptyText: <Empty description="暂无待办的下转任务" /> }}
          renderItem={(t) => (
            <List.Item
              key={t.id}
              data-testid="down-task"
              actions={[
                <Button
                  key="open"
                  type={t.status === 'open' ? 'primary' : 'default'}
                  onClick={() => navigate(`/referrals/${t.referralId}`)}
                >
                  {t.status === 'open' ? '去确认接收' : '填写随访'}
                </Button>,
              ]}
            >
              <List.Item.Meta
                title={
                  <Space>
                    {t.resident?.name}
                    <Typography.Text>{t.title}</Typography.Text>
                    <Tag color={t.status === 'open' ? 'blue' : 'cyan'}>{t.status === 'open' ? '待确认' : '已确认'}</Tag>
                  </Space>
                }
                description={`${t.orgName}${t.dueOn ? ` · 截止 ${t.dueOn}` : ''}${t.notes.length ? ` · 已随访 ${t.notes.length} 次` : ''}`}
              />
            </List.Item>
          )}
        />
      </Card>
    </Page>
  );
}
