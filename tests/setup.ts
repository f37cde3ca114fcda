import '@testing-library/jest-dom/vitest';
import 'fake-indexeddb/auto';

// jsdom has no layout engine; components that watch their size get an observer that never fires.
if (typeof globalThis.ResizeObserver === 'undefined') {
  globalThis.ResizeObserver = class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  };
}
