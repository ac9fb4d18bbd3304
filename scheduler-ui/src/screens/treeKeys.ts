// Arrow keys over a list of role=treeitem rows with one roving tabindex (WAI-ARIA tree pattern): Tab enters and
// leaves the tree in one step (no trap), the arrows move inside it.
export interface TreeActions {
  enter: (code: string) => void;
  open: (code: string) => void;
  back: () => void;
  /** ↑ on the first row. */
  leaveTop: () => void;
}

export function treeKeys(tree: HTMLElement, act: TreeActions): void {
  const items = () => [...tree.querySelectorAll<HTMLElement>('[role=treeitem]')];
  const focus = (el: HTMLElement | undefined) => {
    if (!el) return;
    for (const i of items()) i.tabIndex = i === el ? 0 : -1;
    el.focus();
  };
  tree.addEventListener('keydown', (e) => {
    const row = (e.target as HTMLElement).closest<HTMLElement>('[role=treeitem]');
    if (!row || row !== e.target) return; // keys on a row's own buttons keep their usual meaning
    const all = items();
    const at = all.indexOf(row);
    const code = row.dataset.code ?? '';
    const moves: Record<string, () => void> = {
      ArrowDown: () => focus(all[at + 1]),
      ArrowUp: () => (at === 0 ? act.leaveTop() : focus(all[at - 1])),
      Home: () => focus(all[0]),
      End: () => focus(all[all.length - 1]),
      Enter: () => act.enter(code),
      ' ': () => act.enter(code),
      ArrowRight: () => act.open(code),
      ArrowLeft: () => act.back(),
      Backspace: () => act.back(),
    };
    const move = moves[e.key];
    if (!move) return;
    e.preventDefault();
    move();
  });
}
