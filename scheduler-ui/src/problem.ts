// RFC 9457 problem+json as the orchestrator sends it, turned into what a screen shows, in the chosen language.
import { lang, tr, words } from './i18n';
export interface FieldError {
  field?: string | null;
  reason?: string | null;
  messageVi?: string | null;
  messageEn?: string | null;
  line?: number | null;
}

export interface Problem {
  title?: string;
  detail?: string;
  /** Always English, whatever the request's language (the orchestrator's Problem record). */
  titleEn?: string;
  detailEn?: string;
  code?: string;
  status?: number;
  errors?: FieldError[];
}

export interface ShownProblem {
  /** The one sentence shown above the form. */
  message: string;
  /** Messages per field in the chosen language; errors without a field join `general`. */
  fields: Record<string, string[]>;
  general: string[];
}

const STATUS_FALLBACK: Record<string, string> = words({
  400: ['Yêu cầu không hợp lệ.', 'The request is not valid.'],
  401: ['Phiên đăng nhập đã hết hoặc sai tài khoản.', 'The session has ended or the account is wrong.'],
  403: ['Bạn không có quyền thực hiện thao tác này.', 'You are not allowed to do this.'],
  404: ['Không tìm thấy.', 'Not found.'],
  409: ['Xung đột với dữ liệu hiện có.', 'This conflicts with existing data.'],
  413: ['Dữ liệu gửi lên quá lớn.', 'What was sent is too large.'],
});

export function showProblem(status: number, body: unknown): ShownProblem {
  const p: Problem = body && typeof body === 'object' ? (body as Problem) : {};
  const en = lang() === 'en';
  // The orchestrator answers in the Accept-Language sent, and carries the English words beside them anyway.
  const message = (en ? p.detailEn || p.titleEn : undefined) || p.detail || p.title || STATUS_FALLBACK[status]
    || tr(`Lỗi máy chủ (HTTP ${status}).`, `Server error (HTTP ${status}).`);
  const fields: Record<string, string[]> = {};
  const general: string[] = [];
  for (const e of Array.isArray(p.errors) ? p.errors : []) {
    let text = (en ? e.messageEn || e.messageVi : e.messageVi || e.messageEn) || e.reason || tr('không hợp lệ', 'not valid');
    if (e.line != null) text = `${tr('Dòng', 'Line')} ${e.line}: ${text}`;
    if (e.field) (fields[e.field] ??= []).push(text);
    else general.push(text);
  }
  return { message, fields, general };
}
