import { Button, Empty, Space, Tabs, Typography } from 'antd';
import { useT } from '../../../web/i18n.ts';
import { fileUrl, isWaveform, useRequestStudies, type Study } from '../studies.api.ts';
import { studiesMessages } from '../studies.i18n.ts';
import { EcgViewer } from './ecg-viewer.tsx';
import { ImageViewer } from './image-viewer.tsx';

/**
 * One study in the viewer that suits it (issue 12 §2): an ECG (DICOM waveform or aECG) on
 * paper, a DICOM image in the image viewer, a PDF in the browser's own viewer, a JPEG/PNG as
 * it is. `series` (the study's siblings of the same DICOM series) lets the image viewer scroll.
 */
export function StudyViewer({ study, series }: { study: Study; series?: Study[] }) {
  const t = useT(studiesMessages);
  const header = (
    <Space wrap style={{ marginBottom: 8 }}>
      <Typography.Text type="secondary">
        {t('patientInFile', { name: study.patientName ?? t('unknown'), id: study.patientIdInFile ?? t('unknown') })}
      </Typography.Text>
      <Button size="small" href={fileUrl(study.id)} target="_blank" rel="noopener">
        {t('download')}
      </Button>
    </Space>
  );
  let body: React.ReactNode;
  if (isWaveform(study)) body = <EcgViewer studyId={study.id} />;
  else if (study.format === 'dicom') body = <ImageViewer studyIds={(series ?? [study]).map((s) => s.id)} />;
  else if (study.format === 'pdf')
    body = (
      <iframe
        title={t('pdfTitle')}
        src={fileUrl(study.id)}
        style={{ width: '100%', height: '75vh', border: '1px solid #eee' }}
      />
    );
  else body = <img alt={study.fileName ?? ''} src={fileUrl(study.id)} style={{ maxWidth: '100%' }} />;
  return (
    <div data-testid="study-viewer" data-format={study.format}>
      {header}
      {body}
    </div>
  );
}

/** DICOM images grouped by series; every other file on its own */
export function groupStudies(studies: Study[]): { key: string; first: Study; members: Study[] }[] {
  const groups = new Map<string, Study[]>();
  for (const s of studies) {
    const key = s.format === 'dicom' && !isWaveform(s) && s.seriesUid ? `series:${s.seriesUid}` : `study:${s.id}`;
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  return [...groups.entries()].map(([key, members]) => ({ key, first: members[0], members }));
}

/** every study of a request, one tab per ECG, series or file */
export function RequestStudies({ requestId }: { requestId: number }) {
  const t = useT(studiesMessages);
  const q = useRequestStudies(requestId);
  if (!q.data || q.data.length === 0) return <Empty description={t('noStudies')} />;
  const groups = groupStudies(q.data);
  return (
    <Tabs
      items={groups.map((g, i) => ({
        key: g.key,
        label:
          g.members.length > 1
            ? t('series', { n: i + 1, count: g.members.length })
            : `${g.first.modality ?? g.first.format.toUpperCase()} #${g.first.id}`,
        children: <StudyViewer study={g.first} series={g.members} />,
      }))}
    />
  );
}
