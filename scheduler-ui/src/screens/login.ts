import { ApiError, call } from '../api';
import { alertBox, field, h } from '../dom';
import { tr } from '../i18n';

export function loginScreen(onDone: () => void): HTMLElement {
  const user = h('input', { name: 'username', autocomplete: 'username', required: true }) as HTMLInputElement;
  const pass = h('input', { name: 'password', type: 'password', autocomplete: 'current-password', required: true }) as HTMLInputElement;
  const msg = h('div');
  const submit = h('button', { type: 'submit' }, tr('Đăng nhập', 'Log in')) as HTMLButtonElement;
  const form = h('form', { class: 'card narrow' },
    h('h1', {}, tr('Đăng nhập', 'Log in')), msg,
    field(tr('Tên đăng nhập', 'User name'), user, 'username'), field(tr('Mật khẩu', 'Password'), pass, 'password'), submit);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    msg.replaceChildren();
    submit.disabled = true;
    try {
      await call('POST', '/login', { username: user.value.trim(), password: pass.value });
      onDone();
    } catch (e) {
      const text = e instanceof ApiError && e.status === 401
        ? tr('Sai tên đăng nhập hoặc mật khẩu.', 'Wrong user name or password.')
        : e instanceof Error ? e.message : String(e);
      msg.replaceChildren(alertBox(text));
    } finally {
      submit.disabled = false;
    }
  });
  return form;
}
