/**
 * Namespaces the reader understands, each given the conventional prefix the reader dispatches on, so a file
 * that binds other prefixes (or uses Strict OOXML URIs) reads the same as one written by Word.
 */
export const NS_PREFIX: ReadonlyMap<string, string> = new Map([
  ["http://schemas.openxmlformats.org/wordprocessingml/2006/main", "w"],
  ["http://purl.oclc.org/ooxml/wordprocessingml/main", "w"],
  ["http://schemas.microsoft.com/office/word/2010/wordml", "w14"],
  ["http://schemas.microsoft.com/office/word/2012/wordml", "w15"],
  ["http://schemas.microsoft.com/office/word/2015/wordml/symex", "w16se"],
  ["http://schemas.openxmlformats.org/markup-compatibility/2006", "mc"],
  ["urn:schemas-microsoft-com:vml", "v"],
  ["urn:schemas-microsoft-com:office:office", "o"],
  ["urn:schemas-microsoft-com:office:word", "w10"],
  ["http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing", "wp"],
  ["http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing", "wp"],
  ["http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing", "wp14"],
  ["http://schemas.microsoft.com/office/word/2010/wordprocessingShape", "wps"],
  ["http://schemas.microsoft.com/office/word/2010/wordprocessingGroup", "wpg"],
  ["http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas", "wpc"],
  ["http://schemas.openxmlformats.org/drawingml/2006/main", "a"],
  ["http://purl.oclc.org/ooxml/drawingml/main", "a"],
  ["http://schemas.microsoft.com/office/drawing/2010/main", "a14"],
  ["http://schemas.openxmlformats.org/drawingml/2006/picture", "pic"],
  ["http://schemas.openxmlformats.org/officeDocument/2006/relationships", "r"],
  ["http://purl.oclc.org/ooxml/officeDocument/relationships", "r"],
  ["http://schemas.openxmlformats.org/officeDocument/2006/math", "m"],
]);

const CANONICAL = new Set(NS_PREFIX.values());
const XML_NS = "http://www.w3.org/XML/1998/namespace";

/** Qualified name with the canonical prefix; other namespaces keep their prefix unless it would clash. */
function canonicalName(uri: string, prefix: string, local: string): string {
  const known = NS_PREFIX.get(uri);
  if (known !== undefined) return `${known}:${local}`;
  if (prefix === "" || CANONICAL.has(prefix)) return `{${uri}}${local}`;
  return `${prefix}:${local}`;
}

interface Scope {
  /** Element depth that declared this scope; it ends when that element closes. */
  depth: number;
  uris: Map<string, string>;
  /** Raw element name → canonical name, valid for this scope only. */
  names: Map<string, string>;
  /** Canonical prefix → a raw prefix bound to the same namespace (attributes cannot use the default one). */
  rawPrefix: Map<string, string>;
  /** Every known namespace uses its canonical prefix (what Word writes): attribute names need no mapping. */
  identity: boolean;
}

function makeScope(depth: number, uris: Map<string, string>): Scope {
  const rawPrefix = new Map<string, string>();
  let identity = true;
  for (const [prefix, uri] of uris) {
    if (prefix === "" || prefix === "xml") continue;
    const canonical = NS_PREFIX.get(uri);
    if (canonical !== undefined && !rawPrefix.has(canonical)) rawPrefix.set(canonical, prefix);
    if (canonical !== undefined ? canonical !== prefix : CANONICAL.has(prefix)) identity = false;
  }
  return { depth, uris, names: new Map(), rawPrefix, identity };
}

/**
 * Namespace resolution on top of saxes' plain (non-namespace) mode, which is much faster: scopes change only on
 * the few elements that declare namespaces, and names are cached per scope. Undeclared prefixes are taken at face
 * value, so a file that forgot its declarations still reads.
 */
export class NamespaceScopes {
  private readonly stack: Scope[] = [makeScope(-1, new Map([["xml", XML_NS]]))];
  private scope: Scope = this.stack[0]!;

  /** Call for every element before qualify/attr, with the element's depth. */
  enter(attributes: Record<string, string>, depth: number): void {
    let uris: Map<string, string> | undefined;
    for (const key in attributes) {
      if (key.charCodeAt(0) !== 0x78 /* x */) continue;
      if (key === "xmlns") (uris ??= new Map(this.scope.uris)).set("", attributes[key]!);
      else if (key.startsWith("xmlns:")) (uris ??= new Map(this.scope.uris)).set(key.slice(6), attributes[key]!);
    }
    if (uris) {
      this.scope = makeScope(depth, uris);
      this.stack.push(this.scope);
    }
  }

  /** Call when the element at `depth` closes. */
  leave(depth: number): void {
    if (this.scope.depth === depth) {
      this.stack.pop();
      this.scope = this.stack[this.stack.length - 1]!;
    }
  }

  qualify(rawName: string): string {
    const cached = this.scope.names.get(rawName);
    if (cached !== undefined) return cached;
    const colon = rawName.indexOf(":");
    const prefix = colon < 0 ? "" : rawName.slice(0, colon);
    const uri = this.scope.uris.get(prefix);
    const name = uri === undefined ? rawName : canonicalName(uri, prefix, rawName.slice(colon + 1));
    this.scope.names.set(rawName, name);
    return name;
  }

  /** Attribute by canonical qualified name ("w:val"), whatever prefix the file bound. */
  attr(attributes: Record<string, string>, qname: string): string | undefined {
    if (this.scope.identity) return attributes[qname];
    const colon = qname.indexOf(":");
    const raw = this.scope.rawPrefix.get(qname.slice(0, colon));
    return raw === undefined ? attributes[qname] : attributes[raw + qname.slice(colon)];
  }

  resolve(prefix: string): string | undefined {
    return this.scope.uris.get(prefix);
  }
}

/** ST_OnOff: absent value means on. */
export function onOff(value: string | undefined): boolean {
  return value === undefined || value === "1" || value === "true" || value === "on";
}

/** Integer attribute value, or undefined when absent or not a number. */
export function toInt(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number.parseInt(value, 10);
  return Number.isFinite(n) ? n : undefined;
}
