/**
 * Turns a function into a self-contained expression for `page.evaluate(string)`, which both
 * Playwright and Puppeteer accept. Passing source text instead of the function object keeps
 * the two drivers on one code path, and the `__name` shim absorbs the helper that esbuild
 * (used by tsx and vitest) may insert into transpiled functions: that helper does not exist
 * inside the page and would throw a ReferenceError there.
 *
 * @param fn a function that only uses its argument and page globals (no closures)
 * @param arg a JSON-serializable argument
 * @returns a JavaScript expression evaluating to `fn(arg)`
 */
export function inPageExpression<A, R>(fn: (arg: A) => R, arg: A): string {
  const argument = arg === undefined ? 'undefined' : JSON.stringify(arg);
  return `(() => { const __name = (target) => target; return (${fn.toString()})(${argument}); })()`;
}
