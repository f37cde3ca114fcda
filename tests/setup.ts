import '@testing-library/jest-dom/vitest';
import 'fake-indexeddb/auto';
import { configure } from '@testing-library/svelte';
import { registerCatalog } from '../src/ui/i18n/i18n.svelte';
import { codeLabelsEn, en } from '../src/ui/i18n/en';

// The app loads English when chosen; tests switch languages synchronously.
registerCatalog('en', en, codeLabelsEn);

// A loaded machine (CI, or helpers building in parallel) can take over a second to seal and store a row;
// waiting up to 5 s for the outcome keeps such tests about behaviour, not about the day's load.
configure({ asyncUtilTimeout: 5_000 });

// jsdom has no layout engine; components that watch their size get an observer that never fires.
if (typeof globalThis.ResizeObserver === 'undefined') {
  globalThis.ResizeObserver = class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  };
}

// jsdom has <dialog> but not its methods; the browser's modality is tested end to end (tests/e2e/keyboard.e2e.ts).
if (typeof HTMLDialogElement !== 'undefined' && !HTMLDialogElement.prototype.showModal) {
  HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
    if (!this.hasAttribute('open')) return;
    this.removeAttribute('open');
    this.dispatchEvent(new Event('close'));
  };
}
