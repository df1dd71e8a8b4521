import { defineDict } from './i18n.ts';

/** The home page. */
export const homeMessages = defineDict({
  hello: ['您好，{name}', 'Hello, {name}'],
  intro: ['常用功能', 'Pages'],
  quickSearch: [
    '快速查找居民：姓名 / 拼音首字母 / 身份证号 / 手机号',
    'Quick resident search: name / initials / ID / mobile',
  ],
  nothing: [
    '您的角色暂时没有可用的功能页面，请联系医共体管理员。',
    'No pages are available to your role yet; please contact the administrator.',
  ],
});

/** Shown when an error carries no words the user can act on (error-alert.tsx). */
export const errorWords = defineDict({
  fallback: [
    '操作未能完成，请稍后重试；如仍有问题，请联系信息科',
    'The operation could not be completed; please retry later, or contact the IT department',
  ],
});
