import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/**
 * No user-visible English (or any) text hard-coded in components/ and app/: every string a
 * person reads comes from messages/<lang>.json. Walks each .tsx/.ts file with the TypeScript
 * compiler and reports file:line and the string, so a new literal is easy to move.
 *
 * Caught: JSX text; string attributes people read (title, placeholder, aria-label, alt, label…);
 * strings that end up as JSX children (`{busy ? "Saving…" : "Save"}`); arguments of
 * confirm/prompt/alert and of setError/setMessage/setNotice-style setters; and values of
 * "labels/strings/messages/text" objects (`const labels = { save: "Save" }`).
 * Not caught (on purpose): class names, keys, URLs, comparisons — strings nobody reads.
 */
const ROOT = path.resolve(import.meta.dirname, "..");
const SCANNED = ["components", "app"];
const READ_ATTRIBUTES = new Set(["title", "placeholder", "aria-label", "aria-description", "aria-roledescription", "aria-valuetext", "alt", "label", "summary"]);
const SETTER = /^(set(Error|Message|Notice|Fatal|Status[A-Z]\w*|Hint|Warning)|confirm|prompt|alert)$/;
const LABEL_OBJECT = /(^|_)(labels?|strings|messages|texts?|copy)$/i;
const LABEL_PROPERTY = /^(text|label|title|message|placeholder|description|hint|heading)$/;
/** A string someone reads has a letter in it; "—", "·", "→", "123" do not count. */
const HAS_WORD = /\p{L}{2,}/u;

export interface Finding { file: string; line: number; text: string; rule: string }

function files(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...files(p));
    else if (/\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) && !e.name.endsWith(".d.ts")) out.push(p);
  }
  return out;
}

/** A string literal whose value flows straight into what is rendered (not into a call, a comparison…). */
function flowsToOutput(node: ts.Node, stop: ts.Node): boolean {
  let child = node;
  let parent = node.parent;
  while (parent && parent !== stop) {
    if (ts.isParenthesizedExpression(parent) || ts.isTemplateSpan(parent) || ts.isTemplateExpression(parent) || ts.isAsExpression(parent)) { /* transparent */ }
    else if (ts.isConditionalExpression(parent)) { if (child === parent.condition) return false; }
    else if (ts.isBinaryExpression(parent)) {
      const op = parent.operatorToken.kind;
      const passes = op === ts.SyntaxKind.AmpersandAmpersandToken || op === ts.SyntaxKind.BarBarToken || op === ts.SyntaxKind.QuestionQuestionToken || op === ts.SyntaxKind.PlusToken;
      if (!passes || (op === ts.SyntaxKind.AmpersandAmpersandToken && child === parent.left)) return false;
    } else return false;
    child = parent;
    parent = parent.parent;
  }
  return parent === stop;
}

const literalText = (n: ts.Node): string | null =>
  ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n) ? n.text
    : ts.isTemplateHead(n) || ts.isTemplateMiddle(n) || ts.isTemplateTail(n) ? n.text : null;

/** Every user-visible literal in one source file. */
export function findLiterals(fileName: string, source: string): Finding[] {
  const sf = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, fileName.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: Finding[] = [];
  const report = (node: ts.Node, text: string, rule: string) => {
    if (!HAS_WORD.test(text)) return;
    const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
    found.push({ file: path.relative(ROOT, fileName), line, text: text.trim().replace(/\s+/g, " ").slice(0, 80), rule });
  };
  const visitLiterals = (root: ts.Node, stop: ts.Node, rule: string, codesAllowed = false) => {
    const walk = (n: ts.Node) => {
      const text = literalText(n);
      const isCode = codesAllowed && text !== null && /^[a-z][A-Za-z_]*$/.test(text);
      if (text !== null && !isCode && flowsToOutput(n, stop)) report(n, text, rule);
      if (ts.isJsxElement(n) || ts.isJsxSelfClosingElement(n) || ts.isJsxFragment(n)) return; // visited on their own
      n.forEachChild(walk);
    };
    walk(root);
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) report(node, node.text, "JSX text");
    else if (ts.isJsxAttribute(node)) {
      const name = node.name.getText(sf);
      if (READ_ATTRIBUTES.has(name) && node.initializer) {
        if (ts.isStringLiteral(node.initializer)) report(node, node.initializer.text, `${name}=`);
        else if (ts.isJsxExpression(node.initializer) && node.initializer.expression) visitLiterals(node.initializer.expression, node.initializer, `${name}=`);
      }
    } else if (ts.isJsxExpression(node) && node.expression && !ts.isJsxAttribute(node.parent)) {
      visitLiterals(node.expression, node, "JSX child");
    } else if (ts.isCallExpression(node)) {
      const callee = ts.isIdentifier(node.expression) ? node.expression.text : ts.isPropertyAccessExpression(node.expression) ? node.expression.name.text : "";
      // setFatal("notFound"): a lower-case single token is a code the UI words later, not prose.
      if (SETTER.test(callee)) for (const arg of node.arguments) visitLiterals(arg, node, `${callee}()`, true);
    } else if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && LABEL_OBJECT.test(node.name.text) && node.initializer) {
      const walk = (n: ts.Node) => { const t = literalText(n); if (t !== null && !ts.isPropertyAssignment(n.parent) ? false : t !== null && (n.parent as ts.PropertyAssignment).initializer === n) report(n, t!, `${node.name.getText(sf)} object`); n.forEachChild(walk); };
      walk(node.initializer);
    } else if (ts.isPropertyAssignment(node) && LABEL_PROPERTY.test(node.name.getText(sf)) && literalText(node.initializer) !== null) {
      report(node.initializer, literalText(node.initializer)!, `${node.name.getText(sf)}:`);
    }
    node.forEachChild(visit);
  };
  visit(sf);
  return found;
}

describe("no hard-coded interface text", () => {
  it("finds each kind of literal it is meant to catch (the rule itself can fail)", () => {
    const sample = `
      const labels = { importUrl: "Import from URL" };
      const BADGE = { approved: { text: "Approved", cls: "bg-x" } };
      export function X({ busy }: { busy: boolean }) {
        setError("Could not reach the server.");
        if (window.confirm("Delete it?")) {}
        return <div title="Hello there" className="text-sm" aria-label={busy ? "Busy now" : undefined}>
          Plain words
          {busy ? "Saving…" : "Save"}
          {busy && " and more"}
          {t("ok")} {" · "} {x === "ar" ? a : b} <bdi dir="auto">{name}</bdi>
        </div>;
      }`;
    const texts = findLiterals(path.join(ROOT, "components/Sample.tsx"), sample).map((f) => f.text);
    expect(texts).toEqual(["Import from URL", "Approved", "Could not reach the server.", "Delete it?", "Hello there", "Busy now", "Plain words", "Saving…", "Save", "and more"]);
  });

  it("leaves no literal in components/ and app/ (move each one to messages/en.json and messages/ar.json)", () => {
    const findings = SCANNED.flatMap((d) => files(path.join(ROOT, d))).flatMap((f) => findLiterals(f, readFileSync(f, "utf8")));
    const report = findings.map((f) => `${f.file}:${f.line}  [${f.rule}]  "${f.text}"`);
    expect(report, `Hard-coded interface text:\n${report.join("\n")}\n`).toEqual([]);
  }, 60_000); // parses every component with the TypeScript compiler: ~5 s on a loaded machine
});
