import { PhoneOutlined } from '@ant-design/icons';
import {
  AutoComplete,
  Badge,
  Button,
  Card,
  Col,
  Form,
  Input,
  InputNumber,
  Radio,
  Row,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import type { FormInstance } from 'antd';
import { useState } from 'react';
import type { Org } from '../../orgs/orgs.schema.ts';
import { ErrorAlert } from '../../web/error-alert.tsx';
import { applyServerError } from '../../web/form-errors.ts';
import { useT } from '../../web/i18n.ts';
import { CHANNELS, useComplaints, useCreateCall, usePlaces, type Call, type Channel } from './ems.api.ts';
import { emsMessages } from './ems.i18n.ts';
import { CHANNEL_COLOR, clockSeconds, TRIAGE_COLOR, word } from './ems-labels.ts';
import { newClientId } from './outbox.ts';

/** the call being taken: its identity and the two times the form records by itself */
export interface CallDraft {
  clientId: string;
  receivedAt: string;
  answeredAt: string | null;
}

export interface CallFormValues {
  callerPhone: string;
  place?: string;
  address: string;
  villageOrgId?: number | null;
  lat?: number;
  lng?: number;
  complaintCode: string;
  triageLevel: number;
  channel: Channel;
  patientLabel?: string;
  patientSex?: 'M' | 'F';
  patientAge?: number | null;
  note?: string;
}

/** 10 s: the answering standard of a 120 centre */
export const ANSWER_LIMIT_S = 10;

export const newDraft = (): CallDraft => ({
  clientId: newClientId(),
  receivedAt: new Date().toISOString(),
  answeredAt: null,
});

/** The village or township picked on the map or in the suggestions fills the place, address and position. */
export function applyPlace(
  form: FormInstance<CallFormValues>,
  p: { orgId: number; name: string; lat: number | null; lng: number | null; township?: string | null },
): void {
  form.setFieldsValue({
    place: p.name,
    address: p.name,
    villageOrgId: p.orgId,
    ...(p.lat !== null && p.lng !== null ? { lat: p.lat, lng: p.lng } : {}),
  });
}

export function orgAsPlace(o: Org) {
  return { orgId: o.id, name: o.name, lat: o.lat, lng: o.lng, township: null };
}

const FIELDS = ['callerPhone', 'address', 'lat', 'lng', 'complaintCode', 'triageLevel', 'channel', 'patientLabel'];

/**
 * 新来电: opening it stamps the call as received, 接听 stamps it answered (red after 10 s of
 * ringing); the place comes from the village suggestions or a click on the map; the complaint
 * proposes the channel and triage level, which the dispatcher may change. The clientId is made
 * once per call, so pressing 受理 again after a dropped answer creates no second call.
 */
export function CallForm({
  form,
  draft,
  now,
  onAnswer,
  onDone,
  onDiscard,
}: {
  form: FormInstance<CallFormValues>;
  draft: CallDraft;
  now: number;
  onAnswer: () => void;
  onDone: (call: Call) => void;
  onDiscard: () => void;
}) {
  const t = useT(emsMessages);
  const complaints = useComplaints();
  const create = useCreateCall();
  const [q, setQ] = useState('');
  const places = usePlaces(q);
  const [error, setError] = useState<unknown>(null);
  const lat = Form.useWatch('lat', form);
  const lng = Form.useWatch('lng', form);
  const ringing = (now - Date.parse(draft.receivedAt)) / 1000;
  const late = !draft.answeredAt && ringing > ANSWER_LIMIT_S;

  const submit = async () => {
    setError(null);
    const v = await form.validateFields();
    if (!draft.answeredAt) {
      setError(new Error(t('answerFirst')));
      return;
    }
    if (v.lat === undefined || v.lng === undefined) {
      form.setFields([{ name: 'place', errors: [t('noCoords')] }]);
      return;
    }
    try {
      const created = await create.mutateAsync({
        clientId: draft.clientId,
        receivedAt: draft.receivedAt,
        answeredAt: draft.answeredAt,
        callerPhone: v.callerPhone.trim(),
        address: v.address.trim(),
        villageOrgId: v.villageOrgId ?? undefined,
        lat: v.lat,
        lng: v.lng,
        complaintCode: v.complaintCode,
        triageLevel: v.triageLevel,
        channel: v.channel,
        patientLabel: v.patientLabel?.trim() || undefined,
        patientSex: v.patientSex ?? undefined,
        patientAge: v.patientAge ?? undefined,
        note: v.note?.trim() || undefined,
      });
      onDone(created);
    } catch (err) {
      if (!applyServerError(form, err, FIELDS)) setError(err);
    }
  };

  const ring = draft.answeredAt ? (
    <Tag color="green" icon={<PhoneOutlined />}>
      {t('answeredAt', { t: clockSeconds(draft.answeredAt) })}
    </Tag>
  ) : (
    <Space size={8}>
      <Badge dot={late} offset={[-2, 2]}>
        <Tag color={late ? 'red' : 'orange'} className={late ? 'oc-ems-alarm' : undefined} data-testid="ringing">
          {t('ringing', { s: Math.floor(ringing) })}
        </Tag>
      </Badge>
      {late ? <Typography.Text type="danger">{t('answerLate')}</Typography.Text> : null}
    </Space>
  );

  return (
    <Card
      size="small"
      title={
        <Space size={8} wrap>
          <span>{t('newCall')}</span>
          {ring}
        </Space>
      }
      extra={
        draft.answeredAt ? null : (
          <Button type="primary" icon={<PhoneOutlined />} onClick={onAnswer} data-testid="answer">
            {t('answer')}
          </Button>
        )
      }
      className={late ? 'oc-ems-alarm-card' : undefined}
    >
      {error ? <ErrorAlert error={error} /> : null}
      <Form
        form={form}
        layout="vertical"
        size="middle"
        requiredMark={false}
        initialValues={{ triageLevel: 3, channel: 'general' }}
        onFinish={() => void submit()}
      >
        <Form.Item
          name="callerPhone"
          label={t('callerPhone')}
          rules={[{ required: true, pattern: /^[0-9+-]{5,20}$/, message: t('callerPhoneBad') }]}
          style={{ marginBottom: 12 }}
        >
          <Input inputMode="tel" autoFocus maxLength={20} />
        </Form.Item>
        <Form.Item name="place" label={t('place')} extra={t('placeHint')} style={{ marginBottom: 8 }}>
          <AutoComplete
            allowClear
            showSearch={{ onSearch: setQ, filterOption: false }}
            onSelect={(_: string, opt: { place?: Parameters<typeof applyPlace>[1] }) => {
              if (opt.place) applyPlace(form, opt.place);
            }}
            options={(places.data ?? []).map((p) => {
              const text = `${p.name}${p.township && p.township !== p.name ? `（${p.township}）` : ''}`;
              return { key: p.orgId, value: text, label: text, place: p };
            })}
          />
        </Form.Item>
        <Form.Item name="address" label={t('address')} rules={[{ required: true, min: 2, max: 120 }]}>
          <Input maxLength={120} />
        </Form.Item>
        <Form.Item name="villageOrgId" hidden>
          <Input />
        </Form.Item>
        <Form.Item name="lat" hidden>
          <InputNumber />
        </Form.Item>
        <Form.Item name="lng" hidden>
          <InputNumber />
        </Form.Item>
        <Typography.Paragraph type={lat === undefined ? 'warning' : 'secondary'} style={{ marginTop: -8 }}>
          {t('coords')}：
          {lat === undefined || lng === undefined
            ? t('noCoords')
            : `${Number(lat).toFixed(4)}, ${Number(lng).toFixed(4)}`}
        </Typography.Paragraph>
        <Form.Item name="complaintCode" label={t('complaint')} rules={[{ required: true }]} extra={t('complaintHint')}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={complaints.isLoading}
            onChange={(code: string) => {
              const c = complaints.data?.find((x) => x.code === code);
              if (c) form.setFieldsValue({ channel: c.channel, triageLevel: c.triageLevel });
            }}
            options={(complaints.data ?? []).map((c) => ({ value: c.code, label: c.name }))}
          />
        </Form.Item>
        <Form.Item name="triageLevel" label={t('triage')} rules={[{ required: true }]}>
          <Radio.Group
            block
            optionType="button"
            buttonStyle="solid"
            options={[1, 2, 3, 4].map((n) => ({ value: n, label: word(t, 'triage', n).split(' ')[0] }))}
          />
        </Form.Item>
        <Row gutter={12}>
          <Col span={14}>
            <Form.Item name="channel" label={t('channel')} rules={[{ required: true }]}>
              <Select
                options={CHANNELS.map((c) => ({
                  value: c,
                  label: <Tag color={CHANNEL_COLOR[c]}>{word(t, 'channel', c)}</Tag>,
                }))}
              />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item name="patientAge" label={t('age')}>
              <InputNumber min={0} max={120} style={{ width: '100%' }} inputMode="numeric" />
            </Form.Item>
          </Col>
          <Col span={14}>
            <Form.Item name="patientLabel" label={t('patientLabel')} rules={[{ max: 40 }]}>
              <Input placeholder={t('patientLabelHint')} maxLength={40} />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item name="patientSex" label={t('sex')}>
              <Radio.Group
                block
                optionType="button"
                options={[
                  { value: 'M', label: t('sex.M') },
                  { value: 'F', label: t('sex.F') },
                ]}
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="note" label={t('note')} style={{ marginBottom: 12 }}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="create-call">
            {t('createCall')}
          </Button>
          <Button onClick={onDiscard}>{t('discardCall')}</Button>
        </Space>
      </Form>
      <TriageLegend />
    </Card>
  );
}

function TriageLegend() {
  const t = useT(emsMessages);
  return (
    <div style={{ marginTop: 8 }}>
      {[1, 2, 3, 4].map((n) => (
        <Tag key={n} color={TRIAGE_COLOR[n]} variant="filled">
          {word(t, 'triage', n)}
        </Tag>
      ))}
    </div>
  );
}
