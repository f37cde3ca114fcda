import '@testing-library/jest-dom/vitest';
import 'fake-indexeddb/auto';
import { registerCatalog } from '../src/ui/i18n/i18n.svelte';
import { codeLabelsEn, en } from '../src/ui/i18n/en';

// The app loads English when chosen; tests switch languages synchronously.
registerCatalog('en', en, codeLabelsEn);

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
