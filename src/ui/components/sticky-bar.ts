// A sticky bar (the header, a save button) must never hide the field being typed. Each bar measures itself
// and the page's scroll-padding (styles.css: --sticky-top, --sticky-bottom) keeps a focused field clear of
// them, whatever the bar's real height on this screen, in this language, at this zoom.

type Edge = 'top' | 'bottom';
const bars: Record<Edge, Map<Element, number>> = { top: new Map(), bottom: new Map() };

function publish(edge: Edge): void {
  const total = [...bars[edge].values()].reduce((sum, h) => sum + h, 0);
  document.documentElement.style.setProperty(`--sticky-${edge}`, `${Math.ceil(total)}px`);
}

/** `use:stickyBar={'top'}` on an element with position: sticky (or fixed) at that edge. */
export function stickyBar(node: HTMLElement, edge: Edge): { destroy: () => void } {
  const measure = () => {
    const shown = node.getClientRects().length > 0;
    // A bar sticks at its offset (bottom: 0.5rem), so it covers that much more of the page.
    const offset = parseFloat(getComputedStyle(node)[edge]) || 0;
    bars[edge].set(node, shown ? node.offsetHeight + Math.max(0, offset) : 0);
    publish(edge);
  };
  // The bar is not kept clear of itself (styles.css gives every control a bottom scroll margin).
  if (edge === 'bottom') node.style.scrollMarginBottom = '0px';
  const observer = new ResizeObserver(measure);
  observer.observe(node);
  measure();
  return {
    destroy() {
      observer.disconnect();
      bars[edge].delete(node);
      publish(edge);
    },
  };
}
