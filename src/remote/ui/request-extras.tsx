import type { RequestDetail } from './remote.api.ts';

/** The parts of the request and reading pages that other parts of the feature supply: studies and critical values. */
export function RequestExtras(_props: { d: RequestDetail }) {
  return null;
}
export function ReadingViewer(_props: { d: RequestDetail }) {
  return null;
}
export function ReadingCritical(_props: { d: RequestDetail }) {
  return null;
}
