// Focus follows the user (decision 22), in one place rather than in every screen. When the control that had
// focus goes away with its screen (a chosen user, a list row, a signed-in PIN pad, a place left, a dialog's
// opener that is gone) focus moves to the new screen's heading; when it is only disabled while it works
// (save), focus comes back to it once it works again. Either way it never falls to <body>.

// The heading a screen names itself with, most specific first.
const HEADINGS = ['dialog[open]', '[data-screen-heading]', 'main h1', 'h1'];
const NAVIGATION_MS = 5_000;

let last: HTMLElement | null = null;
let waiting = false;
let navigating: { from: Element | null; until: number } | null = null;
let scheduled = false;

const shown = (el: Element): boolean =>
  el.isConnected && el.getClientRects().length > 0 && !el.closest('[inert],[hidden]');
const lost = (): boolean => !document.activeElement || document.activeElement === document.body;

function heading(): HTMLElement | null {
  for (const selector of HEADINGS) {
    for (const el of document.querySelectorAll<HTMLElement>(selector)) if (shown(el)) return el;
  }
  return null;
}

/** Focuses the current screen's heading; false while the screen is still loading. */
function focusHeading(): boolean {
  const target = heading();
  if (!target) return false;
  // An open dialog keeps focus on its own (components/Dialog.svelte).
  if (target.matches('dialog')) return true;
  if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
  target.focus();
  return true;
}

function check(): void {
  scheduled = false;
  if (navigating) {
    const now = document.activeElement;
    const movedOn = !!now && now !== document.body && now !== navigating.from;
    if (movedOn || Date.now() > navigating.until) navigating = null;
    else if (focusHeading()) return void (navigating = null);
  }
  if (!last) return;
  const onLast = document.activeElement === last;
  // The user has moved on: nothing to follow.
  if (!lost() && !onLast) return void (waiting = false);
  if (!shown(last)) {
    if (focusHeading()) last = null;
    waiting = !!last;
  } else if (last.matches(':disabled')) {
    // The browser drops focus from a disabled control when it next renders; bring it back once it works.
    waiting = true;
  } else {
    // Clicking empty page leaves focus on <body> on purpose: only a control that was taken away comes back.
    if (waiting && !onLast) last.focus();
    waiting = false;
  }
}

function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  requestAnimationFrame(check);
}

/** The shell calls this after a change of place: focus goes to the new place's heading once it shows. */
export function screenChanged(): void {
  navigating = { from: document.activeElement, until: Date.now() + NAVIGATION_MS };
  schedule();
}

/** What had focus last, even if it lost it since (a key disabled under a dialog). */
export const lastFocused = (): HTMLElement | null =>
  document.activeElement instanceof HTMLElement && document.activeElement !== document.body
    ? document.activeElement
    : last;

/**
 * A dialog closed: focus goes back to its opener, now, or once the opener works again (keys disabled while
 * the dialog asked), or to the screen's heading if the opener went away.
 */
export function returnFocus(opener: HTMLElement | null): void {
  if (!opener) return;
  last = opener;
  waiting = true;
  if (shown(opener) && !opener.matches(':disabled')) {
    opener.focus();
    waiting = false;
  } else schedule();
}

/** Installs the watcher once for the whole app. */
export function followFocus(root: HTMLElement = document.body): () => void {
  const onFocusIn = (e: FocusEvent) => {
    if (e.target instanceof HTMLElement) last = e.target;
    waiting = false;
  };
  // Any change may take the focused control away (cheap: one check per frame at most).
  const observer = new MutationObserver(schedule);
  observer.observe(root, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ['disabled', 'hidden', 'inert', 'class', 'style', 'open'],
  });
  document.addEventListener('focusin', onFocusIn);
  return () => {
    observer.disconnect();
    document.removeEventListener('focusin', onFocusIn);
  };
}
