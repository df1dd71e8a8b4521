import type { FormInstance } from 'antd';
import type { z } from 'zod';
import { isApiError } from './api.ts';
import { common, getLang, translate } from './i18n.ts';

/**
 * Puts a server error (`{field, message}`) under the form field it names, so the user sees
 * it where they typed. Returns false when the error belongs to no field of this form; the
 * caller then shows it as a page-level message.
 */
export function applyServerError(
  form: FormInstance,
  err: unknown,
  fields: readonly string[],
  opts: Nesting = {},
): boolean {
  if (!errorBelongsTo(err, fields) || !isApiError(err) || !err.field) return false;
  const path = err.field.split('.').map((seg) => (/^\d+$/.test(seg) ? Number(seg) : seg));
  const name = opts.nested ? path : path[0];
  form.setFields([{ name, errors: [err.message] }]);
  form.scrollToField(name);
  return true;
}

/**
 * `nested`: the form has an input per array item (`['rates', 1, 'subsidyFen']`), so an error
 * goes under that item rather than under the whole list.
 */
export interface Nesting {
  nested?: boolean;
}

/** True when the error names one of these fields (then it is shown there, not on top). */
export function errorBelongsTo(err: unknown, fields: readonly string[]): boolean {
  return isApiError(err) && err.field !== undefined && fields.includes(err.field.split('.')[0]);
}

/**
 * Validates with the very schema the server uses (one schema = validation on both sides),
 * marks the offending fields, and returns the parsed value, or null when invalid.
 */
export function validateWith<S extends z.ZodType>(
  form: FormInstance,
  schema: S,
  values: unknown,
  opts: Nesting = {},
): z.output<S> | null {
  const result = schema.safeParse(values);
  if (result.success) return result.data;
  const byField = new Map<string, { name: string | Array<string | number>; message: string }>();
  for (const issue of result.error.issues) {
    const path = issue.path.map((p) => (typeof p === 'number' ? p : String(p)));
    if (!path.length) continue;
    // an untouched field reaches zod as undefined/null: "expected string, received undefined"
    // tells a clinic user nothing, so say what is missing instead
    const missing = issue.code === 'invalid_type' && valueAt(values, path) == null;
    const name = opts.nested ? path : String(path[0]);
    const key = String(path.slice(0, opts.nested ? undefined : 1).join('.'));
    if (!byField.has(key))
      byField.set(key, { name, message: missing ? translate(common, getLang(), 'required') : issue.message });
  }
  form.setFields([...byField.values()].map(({ name, message }) => ({ name, errors: [message] })));
  return null;
}

function valueAt(values: unknown, path: ReadonlyArray<string | number>): unknown {
  let v = values;
  for (const p of path)
    v = v !== null && typeof v === 'object' ? (v as Record<string | number, unknown>)[p] : undefined;
  return v;
}

/** antd gives '' for a cleared input; the API means "no value" by null. */
export function emptyToNull<T extends Record<string, unknown>>(values: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    out[key] = typeof value === 'string' && value.trim() === '' ? null : value;
  }
  return out as T;
}
