import { defineDict } from '../../web/i18n.ts';

/** remote studies (issue 12 §2): the words of the viewers, the upload and the unmatched list (zh / en) */
export const studiesMessages = defineDict({
  loading: ['加载中…', 'Loading…'],
  loadFailed: ['加载失败：{msg}', 'Failed to load: {msg}'],
  // ECG viewer
  ecgTitle: ['心电图', 'ECG'],
  paperSpeed: ['25 mm/s，10 mm/mV', '25 mm/s, 10 mm/mV'],
  layoutGrid: ['3×4 + 节律条', '3×4 + rhythm'],
  layoutStack: ['逐导联排列', 'Stacked leads'],
  caliperHint: ['卡尺：在导联上点击两点测量间期', 'Calipers: click two points on a lead'],
  caliperFirst: ['已选第一点（{lead}），请点击第二点', 'First point on {lead}; click the second'],
  caliperReading: ['{ms} ms · {bpm} 次/分 · {mv} mV', '{ms} ms · {bpm} bpm · {mv} mV'],
  caliperNoRate: ['{ms} ms · {mv} mV', '{ms} ms · {mv} mV'],
  caliperClear: ['清除卡尺', 'Clear calipers'],
  sampleRate: ['采样率 {hz} Hz，时长 {s} 秒', '{hz} Hz, {s} s'],
  noWaveform: ['该文件没有心电波形', 'No waveform in this file'],
  // image viewer
  imageTitle: ['影像', 'Images'],
  presetDefault: ['默认窗', 'Default'],
  presetBrain: ['脑窗', 'Brain'],
  presetLung: ['肺窗', 'Lung'],
  presetBone: ['骨窗', 'Bone'],
  windowLevel: ['窗宽 {w} / 窗位 {c}', 'W {w} / L {c}'],
  slice: ['第 {n} / {total} 层', 'Slice {n} / {total}'],
  zoom: ['缩放 {z}%', 'Zoom {z}%'],
  reset: ['复位', 'Reset'],
  imageHint: [
    '左键拖动调窗，右键或 Shift+拖动平移，滚轮翻层，Ctrl+滚轮缩放',
    'Drag: window/level · right-drag or Shift: pan · wheel: slices · Ctrl+wheel: zoom',
  ],
  zoomIn: ['放大', 'Zoom in'],
  zoomOut: ['缩小', 'Zoom out'],
  unsupportedImage: [
    '无法显示该影像（可能为压缩格式），请下载原件查看',
    'Cannot show this image (maybe compressed); download the original',
  ],
  // study viewer
  download: ['下载原件', 'Download original'],
  noStudies: ['尚无检查文件', 'No studies yet'],
  series: ['序列 {n}（{count} 幅）', 'Series {n} ({count} images)'],
  pdfTitle: ['检查报告文件', 'Report file'],
  patientInFile: ['文件中的患者：{name}（编号 {id}）', 'Patient in file: {name} (ID {id})'],
  unknown: ['未知', 'unknown'],
  // upload
  upload: ['上传检查文件', 'Upload study files'],
  uploadHint: [
    '支持 DICOM、HL7 aECG 心电 XML、PDF、JPEG、PNG，可多选',
    'DICOM, HL7 aECG XML, PDF, JPEG, PNG; several at once',
  ],
  uploaded: ['已上传 {n} 个文件', '{n} file(s) uploaded'],
  uploadedUnmatched: [
    '{n} 个文件未匹配到申请，已放入待关联列表',
    '{n} file(s) matched no request and wait to be matched',
  ],
  duplicate: ['{n} 个文件此前已上传（未重复保存）', '{n} file(s) were already stored'],
  uploadFailed: ['{name}：{msg}', '{name}: {msg}'],
  // unmatched list
  unmatchedTitle: ['待关联检查文件', 'Unmatched studies'],
  colReceived: ['接收时间', 'Received'],
  colFormat: ['格式', 'Format'],
  colFile: ['文件名', 'File'],
  colAccession: ['文件检查号', 'Accession in file'],
  colPatientId: ['文件患者编号', 'Patient ID in file'],
  colPatientName: ['文件患者姓名', 'Patient name in file'],
  colOrg: ['上传机构', 'Uploaded by'],
  colAction: ['操作', 'Action'],
  matchTo: ['关联到申请', 'Match to request'],
  requestIdLabel: ['申请编号', 'Request no.'],
  matchOk: ['已关联到申请 {id}', 'Matched to request {id}'],
  view: ['查看', 'View'],
  search: ['检查号、患者编号或文件名', 'Accession, patient ID or file name'],
});
