import { defineDict } from '../../web/i18n.ts';

export const authMessages = defineDict({
  slogan: ['县乡一家人 · 全县一盘棋', 'County and township, one family'],
  login: ['登录', 'Sign in'],
  username: ['用户名', 'Username'],
  password: ['密码', 'Password'],
  changeTitle: ['修改密码', 'Change password'],
  forcedHint: [
    '您正在使用管理员发放的临时密码，请先设置自己的密码再继续使用。',
    'You are signed in with a temporary password; please set your own before continuing.',
  ],
  rules: [
    '至少 12 个字符，包含大写字母、小写字母、数字、符号中的至少 3 类。',
    'At least 12 characters from at least 3 of: upper case, lower case, digits, symbols.',
  ],
  currentPassword: ['当前密码', 'Current password'],
  newPassword: ['新密码', 'New password'],
  confirmPassword: ['确认新密码', 'Confirm new password'],
  mismatch: ['两次输入的新密码不一致', 'The two new passwords differ'],
  changed: ['密码已修改', 'Password changed'],
  submitChange: ['确认修改', 'Change password'],
});
