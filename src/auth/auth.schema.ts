import { z } from 'zod';
import { ROLES } from '../platform/roles.ts';

export const loginBody = z.object({
  username: z.string().trim().min(1, '请输入用户名').max(64, '用户名过长'),
  password: z.string().min(1, '请输入密码').max(256, '密码过长'),
});
export type LoginBody = z.infer<typeof loginBody>;

export const me = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(z.enum(ROLES)),
  org: z.object({ id: z.number(), name: z.string(), kind: z.string() }),
  countyId: z.number(),
  mustChangePassword: z.boolean(),
  csrfToken: z.string(),
});
export type Me = z.infer<typeof me>;

/**
 * GET /api/auth/me: the signed-in user, or `{user: null}` when there is no live session. Not
 * being signed in is the login page's normal state, not an error (no 401, no denial audited).
 */
export const meAnswer = z.union([me, z.object({ user: z.null() }).describe('未登录（无有效会话）')]);
export type MeAnswer = z.infer<typeof meAnswer>;

export const changePasswordBody = z.object({
  currentPassword: z.string().min(1, '请输入当前密码').max(256),
  newPassword: z.string().min(1, '请输入新密码').max(256),
});
export type ChangePasswordBody = z.infer<typeof changePasswordBody>;

export const errorBody = z
  .object({
    code: z.string(),
    message: z.string(),
    field: z.string().optional(),
    requestId: z.string(),
  })
  .loose();
