import type { FormInstance } from 'antd';
import type { z } from 'zod';
import { isApiError } from './api.ts';
import { common, getLang, translate } from './i18n.ts';

/**
 * Puts a server error (`{field, message}`) under the form field it names, so the user sees
 * it where they typed. Returns false when the error belongs to no field of this form; the
 * caller then shows it as a page-level message.
 */
export function applyServerError(form: FormInstance, err: unknown, fields: readonly string[]): boolean {
  if (!errorBelongsTo(err, fields) || !isApiError(err) || !err.field) return false;
  const name = err.field.split('.')[0];
  form.setFields([{ name, errors: [err.message] }]);
  form.scrollToField(name);
  return true;
}

/** True when the error names one of these fields (then it is shown there, not on top). */
export function errorBelongsTo(err: unknown, fields: readonly string[]): boolean {
  return isApiError(err) && err.field !== undefined && fields.includes(err.field.split('.')[0]);
}

/**
 * Validates with the very schema the server uses (one schema = validation on both sides),
 * marks the offending fields, and returns the parsed value, or null when invalid.
 */
export function validateWith<S extends z.ZodType>(form: FormInstance, schema: S, values: unknown): z.output<S> | null {
  const result = schema.safeParse(values);
  if (result.success) return result.data;
  const byField = new Map<string, string>();
  const input = values && typeof values === 'object' ? (values as Record<string, unknown>) : {};
  for (const issue of result.error.issues) {
    const name = String(issue.path[0] ?? '');
    // an untouched field reaches zod as undefined/null: "expected string, received undefined"
    // tells a clinic user nothing, so say what is missing instead
    const missing = issue.code === 'invalid_type' && issue.path.length === 1 && (input[name] === undefined || input[name] === null);
    if (name && !byField.has(name)) byField.set(name, missing ? translate(common, getLang(), 'required') : issue.message);
  }
  form.setFields([...byField].map(([name, message]) => ({ name, errors: [message] })));
  return null;
}

/** antd gives '' for a cleared input; the API means "no value" by null. */
export function emptyToNull<T extends Record<string, unknown>>(values: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    out[key] = typeof value === 'string' && value.trim() === '' ? null : value;
  }
  return out as T;
}
