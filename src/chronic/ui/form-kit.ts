import type { FormInstance } from 'antd';

/**
 * Errors put on fields by hand (validateWith, applyServerError) stay until cleared: a new
 * attempt starts clean, and a field the user edits drops its old message.
 */
export function clearErrors(form: FormInstance): void {
  const stale = form.getFieldsError().filter((f) => f.errors.length > 0);
  if (stale.length) form.setFields(stale.map((f) => ({ name: f.name, errors: [] })));
}

export function clearEdited(form: FormInstance, changed: Record<string, unknown>): void {
  const names = Object.keys(changed);
  const stale = form.getFieldsError().filter((f) => f.errors.length > 0 && names.includes(String(f.name[0])));
  if (stale.length) form.setFields(stale.map((f) => ({ name: f.name, errors: [] })));
}
