import { Button, Card, Empty, List, Space, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { ErrorAlert } from '../../web/error-alert.tsx';
import { useT } from '../../web/i18n.ts';
import { Page } from '../../web/page.tsx';
import { useReferralStream, useTasks } from './referrals.api.ts';
import { tasksMessages } from './referrals.i18n.ts';

/** 下转任务: what the county sent down to this centre or clinic; confirming receipt happens on the referral. */
export function ReferralTasksPage() {
  const tr = useT(tasksMessages);
  const navigate = useNavigate();
  const tasks = useTasks('pending');
  useReferralStream();
  return (
    <Page title={tr('title')}>
      {tasks.isError ? <ErrorAlert error={tasks.error} /> : null}
      <Card size="small">
        <List
          loading={tasks.isLoading}
          dataSource={tasks.data ?? []}
          locale={{ emptyText: <Empty description={tr('empty')} /> }}
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
                  {t.status === 'open' ? tr('confirm') : tr('followUp')}
                </Button>,
              ]}
            >
              <List.Item.Meta
                title={
                  <Space>
                    {t.resident?.name}
                    <Typography.Text>{t.title}</Typography.Text>
                    <Tag color={t.status === 'open' ? 'blue' : 'cyan'}>
                      {t.status === 'open' ? tr('open') : tr('confirmed')}
                    </Tag>
                  </Space>
                }
                description={`${t.orgName}${t.dueOn ? tr('due', { date: t.dueOn }) : ''}${t.notes.length ? tr('followUps', { n: t.notes.length }) : ''}`}
              />
            </List.Item>
          )}
        />
      </Card>
    </Page>
  );
}
