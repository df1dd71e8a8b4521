import { defineDict } from '../../web/i18n.ts';

/** Words of the waiting-room screens dialog (opened from the clinic sessions page). */
export const screensMessages = defineDict({
  title: ['叫号屏', 'Calling screens'],
  linkOnce: [
    '屏幕链接（只显示这一次，请在候诊区屏幕的浏览器中打开）',
    'Screen link (shown only this once: open it in the browser of the waiting-room screen)',
  ],
  org: ['机构', 'Organisation'],
  department: ['科室', 'Department'],
  name: ['名称', 'Name'],
  namePlaceholder: ['如：神经内科候诊区', 'e.g. Neurology waiting area'],
  register: ['登记', 'Register'],
  rotate: ['更换链接', 'New link'],
});
