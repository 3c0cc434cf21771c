/**
 * API Management policy documents as trees: serialised with XML escaping, parsed back, and checked
 * (well-formed, only the elements and attributes of components/facts/apimPolicies.ts, required attributes
 * present, policy expressions closed with their strings terminated).
 */
import { POLICY_ELEMENTS, POLICY_STATEMENTS } from "../facts/apimPolicies";

export interface PolicyNode {
  name: string;
  attributes?: Record<string, string>;
  children?: PolicyNode[];
  text?: string;
}

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&apos;",
};
const escapeXml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
const UNESCAPES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** The policy document as Azure stores it (format "xml"), indented two spaces per level. */
export function serializePolicy(node: PolicyNode, depth = 0): string {
  const pad = "  ".repeat(depth);
  const attributes = Object.entries(node.attributes ?? {})
    .map(([name, value]) => ` ${name}="${escapeXml(value)}"`)
    .join("");
  if (node.text !== undefined)
    return `${pad}<${node.name}${attributes}>${escapeXml(node.text)}</${node.name}>`;
  const children = node.children ?? [];
  if (children.length === 0) return `${pad}<${node.name}${attributes} />`;
  const inner = children.map((child) => serializePolicy(child, depth + 1)).join("\n");
  return `${pad}<${node.name}${attributes}>\n${inner}\n${pad}</${node.name}>`;
}

export class PolicyXmlError extends Error {}

/** Parses the subset of XML policy documents use (elements, attributes, text; no comments or CDATA). */
export function parsePolicy(xml: string): PolicyNode {
  let at = 0;
  const fail = (what: string): never => {
    throw new PolicyXmlError(`policy XML is not well-formed at offset ${at}: ${what}`);
  };
  const skipSpace = () => {
    while (at < xml.length && /\s/.test(xml.charAt(at))) at++;
  };
  const decode = (raw: string): string =>
    raw.replace(/&([^;&\s]*);?/g, (match, entity: string) => {
      const value = match.endsWith(";") ? UNESCAPES[entity] : undefined;
      return value ?? fail(`"${match}" is not an XML entity (escape & as &amp;)`);
    });
  const name = (): string => {
    const found = /^[A-Za-z][\w.-]*/.exec(xml.slice(at));
    if (!found) return fail("expected a name");
    at += found[0].length;
    return found[0];
  };
  const element = (): PolicyNode => {
    if (xml.charAt(at) !== "<") fail("expected <");
    at++;
    const node: PolicyNode = { name: name() };
    const attributes: Record<string, string> = {};
    for (;;) {
      skipSpace();
      if (xml.startsWith("/>", at)) {
        at += 2;
        if (Object.keys(attributes).length > 0) node.attributes = attributes;
        return node;
      }
      if (xml.charAt(at) === ">") {
        at++;
        break;
      }
      const attribute = name();
      if (attribute in attributes) fail(`attribute ${attribute} twice on <${node.name}>`);
      skipSpace();
      if (xml.charAt(at) !== "=") fail(`expected = after ${attribute}`);
      at++;
      skipSpace();
      const quote = xml.charAt(at);
      if (quote !== '"' && quote !== "'") fail(`the value of ${attribute} must be quoted`);
      const end = xml.indexOf(quote, at + 1);
      if (end < 0) fail(`the value of ${attribute} is not closed`);
      const raw = xml.slice(at + 1, end);
      if (raw.includes("<")) fail(`the value of ${attribute} holds "<" (escape it as &lt;)`);
      attributes[attribute] = decode(raw);
      at = end + 1;
    }
    if (Object.keys(attributes).length > 0) node.attributes = attributes;
    const children: PolicyNode[] = [];
    let text = "";
    for (;;) {
      if (at >= xml.length) fail(`<${node.name}> is not closed`);
      if (xml.startsWith("</", at)) {
        at += 2;
        const closing = name();
        if (closing !== node.name) fail(`</${closing}> closes <${node.name}>`);
        skipSpace();
        if (xml.charAt(at) !== ">") fail("expected >");
        at++;
        break;
      }
      if (xml.charAt(at) === "<") children.push(element());
      else {
        const next = xml.indexOf("<", at);
        const end = next < 0 ? xml.length : next;
        text += decode(xml.slice(at, end));
        at = end;
      }
    }
    if (children.length > 0) node.children = children;
    if (text.trim() !== "") {
      if (children.length > 0) fail(`<${node.name}> mixes text and elements`);
      node.text = text.trim();
    }
    return node;
  };
  skipSpace();
  const root = element();
  skipSpace();
  if (at < xml.length) fail("content after the root element");
  return root;
}

/** Why a policy expression (@(…) or @{…}) is not closed, or undefined when it is. */
export function expressionProblem(value: string): string | undefined {
  if (!value.startsWith("@")) return undefined;
  const open = value.charAt(1);
  const close = open === "(" ? ")" : open === "{" ? "}" : undefined;
  if (!close) return "an expression starts with @( or @{";
  const stack: string[] = [];
  const pairs: Record<string, string> = { "(": ")", "{": "}", "[": "]" };
  for (let i = 1; i < value.length; i++) {
    const c = value.charAt(i);
    if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < value.length && value.charAt(j) !== c) j += value.charAt(j) === "\\" ? 2 : 1;
      if (j >= value.length) return `the string literal at ${i} is not terminated`;
      i = j;
    } else if (c in pairs) stack.push(pairs[c] as string);
    else if (c === ")" || c === "}" || c === "]") {
      if (stack.pop() !== c) return `"${c}" at ${i} closes nothing`;
      if (stack.length === 0 && i !== value.length - 1)
        return `text after the expression's closing "${close}"`;
    }
  }
  return stack.length === 0 ? undefined : `"${stack.at(-1)}" missing at the end`;
}

/** Every problem of a parsed policy document against the policy facts ([] when it is valid). */
export function policyProblems(root: PolicyNode): string[] {
  const problems: string[] = [];
  if (root.name !== "policies") problems.push(`the root element is <${root.name}>, not <policies>`);
  const visit = (node: PolicyNode, where: string, section: string | undefined) => {
    const facts = POLICY_ELEMENTS[node.name];
    const here = `${where}/${node.name}`;
    if (!facts) {
      problems.push(`${here}: <${node.name}> is not a policy element the platform knows`);
      return;
    }
    if (section !== undefined && facts.sections && !(facts.sections as readonly string[]).includes(section)) {
      problems.push(
        `${here}: <${node.name}> stands in <${section}>; its sections: ${facts.sections.join(", ")} (${facts.source})`,
      );
    }
    for (const [attribute, value] of Object.entries(node.attributes ?? {})) {
      if (!facts.attributes.includes(attribute)) {
        problems.push(
          `${here}: ${attribute} is not an attribute of <${node.name}> (allowed: ${facts.attributes.join(", ") || "none"}; ${facts.source})`,
        );
      }
      const problem = expressionProblem(value);
      if (problem) problems.push(`${here}@${attribute}: ${problem}`);
    }
    for (const attribute of facts.required ?? []) {
      if (node.attributes?.[attribute] === undefined)
        problems.push(`${here}: <${node.name}> needs ${attribute} (${facts.source})`);
    }
    if (node.text !== undefined && !facts.text) problems.push(`${here}: <${node.name}> holds no text`);
    for (const child of node.children ?? []) {
      const allowed = facts.children === "*" ? POLICY_STATEMENTS : facts.children;
      if (!allowed.includes(child.name)) {
        problems.push(`${here}: <${child.name}> cannot stand in <${node.name}>`);
        continue;
      }
      visit(child, here, node.name === "policies" ? child.name : section);
    }
  };
  visit(root, "", undefined);
  return problems;
}

/** Serialises and checks a policy: the XML Azure receives, or an error listing every problem. */
export function renderPolicy(root: PolicyNode): string {
  const xml = serializePolicy(root);
  const problems = policyProblems(parsePolicy(xml));
  if (problems.length > 0)
    throw new PolicyXmlError(`generated policy XML is invalid:\n${problems.join("\n")}`);
  return xml;
}
