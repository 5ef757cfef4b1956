import ts from 'typescript';

/**
 * Finds the DOM APIs that parse a string as HTML. Claimnote puts page text and claim text on
 * screen, so any of these is one missed escape away from script injection into the page or
 * into an extension page (issue 5: "never innerHTML with page or claim text"). We ban them
 * outright rather than judge each use: text goes through `textContent`, Preact or
 * `document.createElement`.
 *
 * Works on the TypeScript syntax tree, so the words in comments and strings do not count.
 */

/** Properties whose assignment (or mere use) parses HTML. */
const HTML_PROPERTIES = new Set(['innerHTML', 'outerHTML', 'srcdoc']);
/** Methods that parse their argument as HTML. */
const HTML_METHODS = new Set([
  'insertAdjacentHTML',
  'createContextualFragment',
  'setHTMLUnsafe',
  'parseHTMLUnsafe',
  'parseFromString',
]);
/** `document.write(...)` and friends: flagged when called on something named `document`/`doc`. */
const DOCUMENT_WRITE_METHODS = new Set(['write', 'writeln']);
const DOCUMENT_NAMES = /^(document|doc|ownerDocument|contentDocument)$/;

/** One use of an HTML-parsing API. */
export interface HtmlSink {
  line: number;
  column: number;
  api: string;
}

function memberName(node: ts.Node): string | undefined {
  if (ts.isPropertyAccessExpression(node)) return node.name.text;
  if (ts.isElementAccessExpression(node) && ts.isStringLiteralLike(node.argumentExpression)) {
    return node.argumentExpression.text;
  }
  return undefined;
}

function receiverName(node: ts.PropertyAccessExpression | ts.ElementAccessExpression): string {
  const target = node.expression;
  if (ts.isIdentifier(target)) return target.text;
  if (ts.isPropertyAccessExpression(target)) return target.name.text;
  return '';
}

/**
 * Lists every HTML-parsing API used in a source file.
 * @param fileName used to pick the parser (`.tsx` enables JSX)
 * @param source the file's text
 * @returns the sinks, in source order, with 1-based line and column
 */
export function findHtmlSinks(fileName: string, source: string): HtmlSink[] {
  const kind = fileName.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, kind);
  const sinks: HtmlSink[] = [];
  const report = (node: ts.Node, api: string) => {
    const { line, character } = file.getLineAndCharacterOfPosition(node.getStart(file));
    sinks.push({ line: line + 1, column: character + 1, api });
  };
  const visit = (node: ts.Node): void => {
    const name = memberName(node);
    if (name && (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node))) {
      if (HTML_PROPERTIES.has(name) || HTML_METHODS.has(name)) report(node, name);
      else if (DOCUMENT_WRITE_METHODS.has(name) && DOCUMENT_NAMES.test(receiverName(node))) {
        report(node, `document.${name}`);
      }
    }
    if (ts.isJsxAttribute(node) && ts.isIdentifier(node.name)) {
      const attribute = node.name.text;
      if (attribute === 'dangerouslySetInnerHTML' || attribute === 'srcdoc' || attribute === 'srcDoc') {
        report(node, attribute);
      }
    }
    // Object literals such as `{ innerHTML: text }` handed to a helper that assigns them.
    if (ts.isPropertyAssignment(node) && ts.isIdentifier(node.name) && HTML_PROPERTIES.has(node.name.text)) {
      report(node, node.name.text);
    }
    if (
      ts.isNewExpression(node) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === 'DOMParser'
    ) {
      report(node, 'DOMParser');
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return sinks;
}
