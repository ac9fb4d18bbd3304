// RFC 9457 problem+json as the orchestrator sends it, turned into what a screen shows.
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
  code?: string;
  status?: number;
  errors?: FieldError[];
}

export interface ShownProblem {
  /** The one sentence shown above the form. */
  message: string;
  /** Vietnamese messages per field; errors without a field join `general`. */
  fields: Record<string, string[]>;
  general: string[];
}

const STATUS_FALLBACK: Record<number, string> = {
  400: 'Yêu cầu không hợp lệ.',
  401: 'Phiên đăng nhập đã hết hoặc sai tài khoản.',
  403: 'Bạn không có quyền thực hiện thao tác này.',
  404: 'Không tìm thấy.',
  409: 'Xung đột với dữ liệu hiện có.',
  413: 'Dữ liệu gửi lên quá lớn.',
};

export function showProblem(status: number, body: unknown): ShownProblem {
  const p: Problem = body && typeof body === 'object' ? (body as Problem) : {};
  const message = p.detail || p.title || STATUS_FALLBACK[status] || `Lỗi máy chủ (HTTP ${status}).`;
  const fields: Record<string, string[]> = {};
  const general: string[] = [];
  for (const e of Array.isArray(p.errors) ? p.errors : []) {
    let text = e.messageVi || e.messageEn || e.reason || 'không hợp lệ';
    if (e.line != null) text = `Dòng ${e.line}: ${text}`;
    if (e.field) (fields[e.field] ??= []).push(text);
    else general.push(text);
  }
  return { message, fields, general };
}
