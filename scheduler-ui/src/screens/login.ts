import { ApiError, call } from '../api';
import { alertBox, field, h } from '../dom';

export function loginScreen(onDone: () => void): HTMLElement {
  const user = h('input', { name: 'username', autocomplete: 'username', required: true }) as HTMLInputElement;
  const pass = h('input', { name: 'password', type: 'password', autocomplete: 'current-password', required: true }) as HTMLInputElement;
  const msg = h('div');
  const submit = h('button', { type: 'submit' }, 'Đăng nhập') as HTMLButtonElement;
  const form = h('form', { class: 'card narrow' },
    h('h1', {}, 'Đăng nhập'), msg,
    field('Tên đăng nhập', user, 'username'), field('Mật khẩu', pass, 'password'), submit);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    msg.replaceChildren();
    submit.disabled = true;
    try {
      await call('POST', '/login', { username: user.value.trim(), password: pass.value });
      onDone();
    } catch (e) {
      const text = e instanceof ApiError && e.status === 401
        ? 'Sai tên đăng nhập hoặc mật khẩu.'
        : e instanceof Error ? e.message : String(e);
      msg.replaceChildren(alertBox(text));
    } finally {
      submit.disabled = false;
    }
  });
  return form;
}
