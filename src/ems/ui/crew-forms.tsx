import { CameraOutlined, SendOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Checkbox,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Radio,
  Space,
  Tabs,
  Tag,
  Typography,
  Upload,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState, type ReactNode } from 'react';
import { useT } from '../../web/i18n.ts';
import type { MissionDetail, ObservationKind } from './ems.api.ts';
import { emsMessages } from './ems.i18n.ts';
import { fromShanghaiWall, PICKER_FORMAT, shanghaiWall } from './ems-labels.ts';
import type { CrewOutbox } from './use-outbox.ts';

/** 5 MB, the server's limit for a file */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

type Submit = CrewOutbox['submit'];

/** drops empty fields: the record holds what the crew measured, nothing else */
function compact(v: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined && x !== null && x !== ''));
}

function useObservation(missionId: number, submit: Submit) {
  const t = useT(emsMessages);
  const { message } = App.useApp();
  return (
    kind: ObservationKind,
    value: Record<string, unknown>,
    file?: { name: string; type: string; base64: string },
  ) => {
    submit({
      missionId,
      kind: 'observation',
      what: kind,
      url: `/api/ems/missions/${missionId}/observations`,
      body: (observedAt) => ({ kind, observedAt, value, ...(file ? { file } : {}) }),
    });
    void message.success(t('recordedLocal'));
  };
}

/** the server's plausible range (crew.service.ts VALUE_SCHEMAS); whole numbers unless a step is given */
const num = (min: number, max: number, step = 1) => ({
  min,
  max,
  step,
  precision: step < 1 ? 1 : 0,
  inputMode: step < 1 ? ('decimal' as const) : ('numeric' as const),
  size: 'large' as const,
  style: { width: '100%' },
});

function Unit({ children }: { children: ReactNode }) {
  return <Typography.Text type="secondary">{children}</Typography.Text>;
}

function Vitals({ missionId, submit }: { missionId: number; submit: Submit }) {
  const t = useT(emsMessages);
  const record = useObservation(missionId, submit);
  const [form] = Form.useForm();
  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={(v: Record<string, unknown>) => {
        const value = compact(v);
        if (!Object.keys(value).length) return;
        record('vitals', value);
        form.resetFields();
      }}
    >
      <div className="oc-ems-grid">
        <Form.Item name="sbp" label={t('sbp')}>
          <InputNumber {...num(40, 300)} suffix={<Unit>{t('unit.mmHg')}</Unit>} />
        </Form.Item>
        <Form.Item name="dbp" label={t('dbp')}>
          <InputNumber {...num(20, 200)} suffix={<Unit>{t('unit.mmHg')}</Unit>} />
        </Form.Item>
        <Form.Item name="hr" label={t('hr')}>
          <InputNumber {...num(20, 250)} suffix={<Unit>{t('unit.perMin')}</Unit>} />
        </Form.Item>
        <Form.Item name="spo2" label={t('spo2')}>
          <InputNumber {...num(50, 100)} suffix={<Unit>{t('unit.pct')}</Unit>} />
        </Form.Item>
        <Form.Item name="rr" label={t('rr')}>
          <InputNumber {...num(4, 60)} suffix={<Unit>{t('unit.perMin')}</Unit>} />
        </Form.Item>
        <Form.Item name="temp" label={t('temp')}>
          <InputNumber {...num(30, 43, 0.1)} suffix={<Unit>{t('unit.c')}</Unit>} />
        </Form.Item>
      </div>
      <Button type="primary" htmlType="submit" size="large" block>
        {t('record')}
      </Button>
    </Form>
  );
}

const GCS = { e: 4, v: 5, m: 6 } as const;

function Neuro({ missionId, submit }: { missionId: number; submit: Submit }) {
  const t = useT(emsMessages);
  const { message } = App.useApp();
  const record = useObservation(missionId, submit);
  const [gcs, setGcs] = useState<{ e?: number; v?: number; m?: number }>({});
  const [fast, setFast] = useState<{ face: boolean; arm: boolean; speech: boolean }>({
    face: false,
    arm: false,
    speech: false,
  });
  const [nihss, setNihss] = useState<number | null>(null);
  const [lkw, setLkw] = useState<Dayjs | null>(null);
  const total = gcs.e && gcs.v && gcs.m ? gcs.e + gcs.v + gcs.m : null;
  const positive = fast.face || fast.arm || fast.speech;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <section>
        <Typography.Text strong>{t('gcs')}</Typography.Text>
        {(['e', 'v', 'm'] as const).map((k) => (
          <div key={k} style={{ marginTop: 6 }}>
            <Typography.Text type="secondary" style={{ display: 'inline-block', width: 64 }}>
              {t(k === 'e' ? 'gcsE' : k === 'v' ? 'gcsV' : 'gcsM')}
            </Typography.Text>
            <Radio.Group
              optionType="button"
              size="middle"
              value={gcs[k]}
              onChange={(e) => setGcs((g) => ({ ...g, [k]: e.target.value as number }))}
              options={Array.from({ length: GCS[k] }, (_, i) => ({ value: i + 1, label: String(i + 1) }))}
            />
          </div>
        ))}
        <Space style={{ marginTop: 8 }}>
          <Tag color={total !== null && total <= 8 ? 'red' : 'blue'}>{t('gcsTotal', { n: total ?? '—' })}</Tag>
          <Button
            type="primary"
            disabled={total === null}
            onClick={() => {
              record('gcs', { eye: gcs.e, verbal: gcs.v, motor: gcs.m, total });
              setGcs({});
            }}
          >
            {t('record')}
          </Button>
        </Space>
      </section>
      <section>
        <Typography.Text strong>{t('fast')}</Typography.Text>
        <div style={{ marginTop: 6 }}>
          <Space wrap>
            {(['face', 'arm', 'speech'] as const).map((k) => (
              <Checkbox key={k} checked={fast[k]} onChange={(e) => setFast((f) => ({ ...f, [k]: e.target.checked }))}>
                {t(k === 'face' ? 'fastFace' : k === 'arm' ? 'fastArm' : 'fastSpeech')}
              </Checkbox>
            ))}
          </Space>
        </div>
        <Space style={{ marginTop: 8 }}>
          <Tag color={positive ? 'red' : 'green'}>{positive ? t('fastPositive') : t('fastNegative')}</Tag>
          <Button
            type="primary"
            onClick={() => {
              record('fast', { ...fast });
              setFast({ face: false, arm: false, speech: false });
            }}
          >
            {t('record')}
          </Button>
        </Space>
      </section>
      <section>
        <Typography.Text strong>{t('strokeScale')}</Typography.Text>
        <Space.Compact style={{ width: '100%', marginTop: 6 }}>
          <InputNumber
            min={0}
            max={42}
            precision={0}
            inputMode="numeric"
            prefix={<Unit>NIHSS</Unit>}
            placeholder={t('score')}
            aria-label={t('strokeScale')}
            value={nihss}
            onChange={setNihss}
            style={{ flex: 1 }}
          />
          <Button
            type="primary"
            disabled={nihss === null}
            onClick={() => {
              record('stroke_scale', { nihss });
              setNihss(null);
            }}
          >
            {t('record')}
          </Button>
        </Space.Compact>
      </section>
      <section>
        <Typography.Text strong>{t('lastKnownWell')}</Typography.Text>
        <Space wrap style={{ width: '100%', marginTop: 6 }}>
          <DatePicker
            showTime
            format={PICKER_FORMAT}
            inputReadOnly
            needConfirm={false}
            value={lkw}
            onChange={setLkw}
            aria-label={t('lastKnownWell')}
            defaultPickerValue={dayjs(shanghaiWall(Date.now()), PICKER_FORMAT)}
          />
          <Button
            type="primary"
            disabled={!lkw}
            onClick={() => {
              if (!lkw) return;
              const at = fromShanghaiWall(lkw.format(PICKER_FORMAT));
              submit({
                missionId,
                kind: 'event',
                what: 'last_known_well',
                url: `/api/ems/missions/${missionId}/events`,
                body: () => ({ milestone: 'last_known_well', at, source: 'crew' }),
              });
              void message.success(t('recordedLocal'));
              setLkw(null);
            }}
          >
            {t('record')}
          </Button>
        </Space>
      </section>
    </Space>
  );
}

function Other({ missionId, submit }: { missionId: number; submit: Submit }) {
  const t = useT(emsMessages);
  const record = useObservation(missionId, submit);
  const [glucose, setGlucose] = useState<number | null>(null);
  const [weeks, setWeeks] = useState<number | null>(null);
  const [treatment, setTreatment] = useState('');
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <section>
        <Typography.Text strong>{t('glucose')}</Typography.Text>
        <Space.Compact style={{ width: '100%', marginTop: 6 }}>
          <InputNumber
            {...num(0.5, 35, 0.1)}
            size="middle"
            value={glucose}
            onChange={setGlucose}
            aria-label={t('glucose')}
            suffix={<Unit>{t('unit.mmol')}</Unit>}
            style={{ flex: 1 }}
          />
          <Button
            type="primary"
            disabled={glucose === null}
            onClick={() => {
              record('glucose', { mmol: glucose });
              setGlucose(null);
            }}
          >
            {t('record')}
          </Button>
        </Space.Compact>
      </section>
      <section>
        <Typography.Text strong>{t('gestation')}</Typography.Text>
        <Space.Compact style={{ width: '100%', marginTop: 6 }}>
          <InputNumber
            min={12}
            max={45}
            precision={0}
            inputMode="numeric"
            value={weeks}
            onChange={setWeeks}
            aria-label={t('gestation')}
            suffix={<Unit>{t('unit.week')}</Unit>}
            style={{ flex: 1 }}
          />
          <Button
            type="primary"
            disabled={weeks === null}
            onClick={() => {
              record('gestation', { weeks });
              setWeeks(null);
            }}
          >
            {t('record')}
          </Button>
        </Space.Compact>
      </section>
      <section>
        <Typography.Text strong>{t('treatment')}</Typography.Text>
        <Input.TextArea
          rows={2}
          maxLength={200}
          style={{ marginTop: 6 }}
          placeholder={t('treatmentHint')}
          aria-label={t('treatment')}
          value={treatment}
          onChange={(e) => setTreatment(e.target.value)}
        />
        <Button
          type="primary"
          block
          style={{ marginTop: 8 }}
          disabled={!treatment.trim()}
          onClick={() => {
            record('treatment', { text: treatment.trim() });
            setTreatment('');
          }}
        >
          {t('record')}
        </Button>
      </section>
    </Space>
  );
}

function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('read'));
    reader.readAsDataURL(file);
  });
}

function Ecg({ missionId, submit }: { missionId: number; submit: Submit }) {
  const t = useT(emsMessages);
  const { message } = App.useApp();
  const record = useObservation(missionId, submit);
  const [file, setFile] = useState<File | null>(null);
  const [finding, setFinding] = useState('');
  const [stemi, setStemi] = useState(false);
  const [busy, setBusy] = useState(false);
  const tooBig = file !== null && file.size > MAX_FILE_BYTES;
  const upload = async () => {
    if (!file) return;
    setBusy(true);
    try {
      const base64 = await readBase64(file);
      record('ecg', compact({ note: finding.trim(), stemi: stemi || undefined }), {
        name: file.name.slice(-120),
        type: file.type || 'application/octet-stream',
        base64,
      });
      setFile(null);
      setFinding('');
      setStemi(false);
    } catch {
      void message.error(t('ecgPick'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space orientation="vertical" size={10} style={{ width: '100%' }}>
      <Upload
        accept="image/*,application/pdf"
        capture="environment"
        maxCount={1}
        showUploadList={false}
        beforeUpload={(f) => {
          setFile(f);
          return false;
        }}
      >
        <Button size="large" block icon={<CameraOutlined />} data-testid="ecg-pick">
          <span style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', maxWidth: 260 }}>
            {file ? file.name : t('ecgPick')}
          </span>
        </Button>
      </Upload>
      {tooBig ? <Typography.Text type="danger">{t('ecgTooBig')}</Typography.Text> : null}
      <Input
        placeholder={t('ecgFindingHint')}
        aria-label={t('ecgFinding')}
        value={finding}
        maxLength={200}
        onChange={(e) => setFinding(e.target.value)}
      />
      <Checkbox checked={stemi} onChange={(e) => setStemi(e.target.checked)}>
        {t('stemi')}
      </Checkbox>
      <Button
        type="primary"
        size="large"
        block
        icon={<SendOutlined />}
        disabled={!file || tooBig}
        loading={busy}
        onClick={() => void upload()}
      >
        {t('ecgUpload')}
      </Button>
    </Space>
  );
}

const FIRST_TAB: Record<string, string> = { stroke: 'neuro', chest_pain: 'ecg', maternal: 'other', neonatal: 'vitals' };

/** The crew's records during the mission, each sent through the outbox. */
export function CrewRecords({ mission, submit }: { mission: MissionDetail; submit: Submit }) {
  const t = useT(emsMessages);
  const id = mission.id;
  return (
    <Tabs
      defaultActiveKey={FIRST_TAB[mission.channel] ?? 'vitals'}
      size="small"
      items={[
        { key: 'vitals', label: t('tabVitals'), children: <Vitals missionId={id} submit={submit} /> },
        { key: 'ecg', label: t('tabEcg'), children: <Ecg missionId={id} submit={submit} /> },
        { key: 'neuro', label: t('tabNeuro'), children: <Neuro missionId={id} submit={submit} /> },
        { key: 'other', label: t('tabOther'), children: <Other missionId={id} submit={submit} /> },
      ]}
    />
  );
}

/** 院前预警: tells the destination the patient is coming, with the minutes to the door. */
export function PrealertForm({ mission, submit }: { mission: MissionDetail; submit: Submit }) {
  const t = useT(emsMessages);
  const { message } = App.useApp();
  const [eta, setEta] = useState<number | null>(15);
  return (
    <Space.Compact style={{ width: '100%' }}>
      <InputNumber
        min={1}
        max={240}
        size="large"
        inputMode="numeric"
        value={eta}
        onChange={setEta}
        aria-label={t('prealertEta')}
        suffix={<Unit>{t('minShort')}</Unit>}
        style={{ flex: 1 }}
      />
      <Button
        type="primary"
        danger
        size="large"
        disabled={eta === null}
        data-testid="prealert"
        onClick={() => {
          if (eta === null) return;
          submit({
            missionId: mission.id,
            kind: 'prealert',
            what: 'prealert',
            url: `/api/ems/missions/${mission.id}/prealert`,
            body: (at) => ({ at, etaMinutes: eta }),
          });
          void message.success(t('recordedLocal'));
        }}
      >
        {t('prealertSend')}
      </Button>
    </Space.Compact>
  );
}
