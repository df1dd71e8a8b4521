import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Popconfirm, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { z } from 'zod';
import { useMe } from '../../auth/ui/auth.api.ts';
import { mayCall } from '../../web/access.ts';
import { apiGet, apiSend } from '../../web/api.ts';
import { ErrorAlert } from '../../web/error-alert.tsx';
import { todayShanghai } from '../../web/format.ts';
import { useT } from '../../web/i18n.ts';
import { DateInput } from '../../web/kit/date-input.tsx';
import { calendarDay, type CalendarDay } from '../calendar.schema.ts';
import { calendarMessages } from './calendar.i18n.ts';

type Key = keyof typeof calendarMessages & string;
const KEY = ['remote', 'calendar'] as const;

/**
 * 工作日历: the public holidays and 调休 working days the report time limits count by (issue
 * 12 §1), on 值班与工作日历 beside the duty roster: everyone there reads it, the administrator
 * enters and deletes days.
 */
export function CalendarTab() {
  const t = useT(calendarMessages);
  const roles = useMe().data?.roles ?? [];
  const mayEdit = mayCall(roles, 'PUT /api/remote/calendar/:day');
  const thisYear = Number(todayShanghai().slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const qc = useQueryClient();
  const { message } = App.useApp();
  const q = useQuery({
    queryKey: [...KEY, year],
    queryFn: () => apiGet(`/api/remote/calendar?year=${year}`, z.array(calendarDay)),
  });
  const save = useMutation({
    mutationFn: (v: { day: string; working: boolean; name: string }) =>
      apiSend('PUT', `/api/remote/calendar/${v.day}`, { working: v.working, name: v.name }, z.unknown()),
    onSuccess: () => {
      void message.success(t('saved'));
      void qc.invalidateQueries({ queryKey: KEY });
    },
  });
  const remove = useMutation({
    mutationFn: (day: string) => apiSend('DELETE', `/api/remote/calendar/${day}`, undefined, z.unknown()),
    onSuccess: () => {
      void message.success(t('removed'));
      void qc.invalidateQueries({ queryKey: KEY });
    },
  });
  const [form] = Form.useForm<{ day: string; working: boolean; name: string }>();
  const rows = q.data ?? [];
  const weekday = (day: string) => t(`wd${new Date(`${day}T00:00:00Z`).getUTCDay()}` as Key);
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="work-calendar">
      <Alert type="info" showIcon title={t('intro')} />
      {q.isError ? <ErrorAlert error={q.error} onRetry={() => void q.refetch()} /> : null}
      {save.isError ? <ErrorAlert error={save.error} /> : null}
      {remove.isError ? <ErrorAlert error={remove.error} /> : null}
      <Space wrap>
        <Select
          aria-label={t('year')}
          value={year}
          onChange={setYear}
          style={{ width: 110 }}
          options={[thisYear - 1, thisYear, thisYear + 1].map((y) => ({ value: y, label: String(y) }))}
        />
        <Typography.Text type="secondary">
          {t('offDays', { n: rows.filter((r) => !r.working).length, m: rows.filter((r) => r.working).length })}
        </Typography.Text>
      </Space>
      {mayEdit ? (
        <Form
          form={form}
          layout="inline"
          initialValues={{ working: false }}
          onFinish={(v) => save.mutate(v, { onSuccess: () => form.resetFields(['day', 'name']) })}
        >
          <Form.Item name="day" label={t('day')} rules={[{ required: true, message: t('pickDay') }]}>
            <DateInput aria-label={t('day')} />
          </Form.Item>
          <Form.Item name="working" label={t('kind')}>
            <Radio.Group
              options={[
                { value: false, label: t('off') },
                { value: true, label: t('worked') },
              ]}
            />
          </Form.Item>
          <Form.Item name="name" label={t('name')}>
            <Input placeholder={t('namePlaceholder')} maxLength={30} style={{ width: 180 }} aria-label={t('name')} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t('save')}
          </Button>
        </Form>
      ) : null}
      <Table<CalendarDay>
        size="small"
        rowKey="day"
        loading={q.isFetching && !q.data}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={[
          { key: 'day', title: t('day'), render: (_: unknown, r) => <span className="oc-mono">{r.day}</span> },
          { key: 'weekday', title: t('weekday'), render: (_: unknown, r) => weekday(r.day) },
          {
            key: 'kind',
            title: t('kind'),
            render: (_: unknown, r) =>
              r.working ? <Tag color="blue">{t('worked')}</Tag> : <Tag color="green">{t('off')}</Tag>,
          },
          { key: 'name', title: t('name'), dataIndex: 'name' },
          { key: 'by', title: t('updatedBy'), render: (_: unknown, r) => r.updatedBy ?? '—' },
          ...(mayEdit
            ? [
                {
                  key: 'actions',
                  title: '',
                  render: (_: unknown, r: CalendarDay) => (
                    <Popconfirm title={t('removeConfirm')} onConfirm={() => remove.mutate(r.day)}>
                      <Button size="small" danger type="link">
                        {t('remove')}
                      </Button>
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
    </Space>
  );
}
