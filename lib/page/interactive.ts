/**
 * Page elements with behaviour of their own on a click: links, buttons, form controls, labels
 * (which forward the click to their control) and `<summary>` (which toggles its `<details>`).
 * Two places need the same list: a marker is placed after such an element rather than inside
 * it, so clicking the marker does not follow the link or toggle the control; and a click on
 * such an element never opens a note, so the element keeps its own behaviour.
 */
export const INTERACTIVE_SELECTOR = 'a, button, input, textarea, select, label, summary';

/**
 * The nearest interactive element holding `node` (or `node` itself), if any.
 * @param node any node of the page; text nodes are looked up from their parent
 */
export function closestInteractive(node: Node | null): Element | null {
  const element = node === null || node.nodeType === 1 ? (node as Element | null) : node.parentElement;
  return element?.closest(INTERACTIVE_SELECTOR) ?? null;
}
