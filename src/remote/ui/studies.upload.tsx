import { InboxOutlined } from '@ant-design/icons';
import { Alert, Space, Upload } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage } from '../../web/error-alert.tsx';
import { useCurrentUser } from '../../web/current-user.ts';
import { useT } from '../../web/i18n.ts';
import { STUDIES_KEY, uploadStudyFile, type IngestAnswer } from './studies.api.ts';
import { studiesMessages } from './studies.i18n.ts';

/**
 * Upload study files (issue 12 §2), for the requesting clinic and the centre: several files
 * at once, each sent as its raw bytes with a fresh client id (a retried upload is not stored
 * twice). With a requestId the files must agree with that request's accession and patient.
 */
export function StudyUpload({ requestId, onDone }: { requestId?: number; onDone?: (results: IngestAnswer[]) => void }) {
  const t = useT(studiesMessages);
  const me = useCurrentUser();
  const qc = useQueryClient();
  const [done, setDone] = useState<IngestAnswer[]>([]);
  const [errors, setErrors] = useState<string[]>([]);

  const unmatched = done.filter((d) => d.requestId === null && !d.duplicate).length;
  const duplicates = done.filter((d) => d.duplicate).length;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="study-upload">
      <Upload.Dragger
        multiple
        showUploadList={false}
        accept=".dcm,.dicom,.xml,.pdf,.jpg,.jpeg,.png,application/dicom,application/pdf,image/*,text/xml"
        customRequest={(opt) => {
          const file = opt.file as File;
          uploadStudyFile(file, me.csrfToken, { requestId, clientId: crypto.randomUUID() })
            .then((r) => {
              setDone((prev) => {
                const next = [...prev, r];
                onDone?.(next);
                return next;
              });
              void qc.invalidateQueries({ queryKey: STUDIES_KEY });
              opt.onSuccess?.(r);
            })
            .catch((e: unknown) => {
              setErrors((prev) => [...prev, t('uploadFailed', { name: file.name, msg: errorMessage(e) })]);
              opt.onError?.(e instanceof Error ? e : new Error(String(e)));
            });
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{t('upload')}</p>
        <p className="ant-upload-hint">{t('uploadHint')}</p>
      </Upload.Dragger>
      {done.length > 0 && <Alert type="success" showIcon title={t('uploaded', { n: done.length })} />}
      {unmatched > 0 && <Alert type="warning" showIcon title={t('uploadedUnmatched', { n: unmatched })} />}
      {duplicates > 0 && <Alert type="info" showIcon title={t('duplicate', { n: duplicates })} />}
      {errors.map((e) => (
        <Alert key={e} type="error" showIcon title={e} />
      ))}
    </Space>
  );
}
