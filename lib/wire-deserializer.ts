/**
 * Reads superjson's wire format (2.2.x: `{ json, meta: { values, referentialEqualities, v } }`) without
 * superjson, for the browser: superjson + copy-anything are ~3.5 kB gzip on every page. It reads all that
 * superjson.serialize writes, in the same order and with the same quirks (node_modules/superjson/dist:
 * plainer.js, transformer.js, accessDeep.js, pathstringifier.js), except classes and symbols, which must be
 * registered by name on the reading side: nothing is registered here, so they throw, as unknown ones do
 * in superjson. Custom types are read by the functions in `custom`, by name.
 */

type Path = string[];
type Annotation = string | [string, string];
type Tree = [Annotation, Record<string, Tree>?] | { [path: string]: Tree };
type Meta = { values?: Tree; referentialEqualities?: [string[], Record<string, string[]>?] | Record<string, string[]>; v?: number };
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON of any shape
type Json = any;

const isPlainObject = (value: unknown): value is Record<string, unknown> => {
  if (typeof value !== "object" || value === null || value === Object.prototype) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === null || prototype === Object.prototype;
};

/** A deep copy of the JSON part (arrays and object literals; anything else stays as it is), so the input is left alone. */
function copy(value: Json): Json {
  if (Array.isArray(value)) return value.map(copy);
  if (typeof value !== "object" || value === null || Object.getPrototypeOf(value) !== Object.prototype) return value;
  const result: Record<string, unknown> = {};
  for (const key of Object.keys(value)) if (key !== "__proto__") result[key] = copy(value[key]);
  return result;
}

/** Splits "a.b\\.c" into ["a", "b.c"]; version 1 escapes "\\" as "\\\\", the legacy format only escapes dots. */
function parsePath(text: string, legacy: boolean): Path {
  const path: Path = [];
  let segment = "";
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    const next = text[i + 1];
    if (char === "\\" && (next === "." || (!legacy && next === "\\"))) {
      segment += next;
      i++;
    } else if (char === "\\" && !legacy) {
      throw new Error("invalid path");
    } else if (char === ".") {
      path.push(segment);
      segment = "";
    } else {
      segment += char;
    }
  }
  path.push(segment);
  return path;
}

function checkPath(path: Path) {
  for (const key of ["__proto__", "prototype", "constructor"]) if (path.includes(key)) throw new Error(`${key} is not allowed as a property`);
}

function nth(collection: Set<unknown> | Map<unknown, unknown>, n: number) {
  if (n > collection.size) throw new Error("index out of bounds");
  return [...collection.keys()][n];
}

// In a Map, a path goes on with the row and then 0 (the key) or 1 (the value).
function getDeep(value: Json, path: Path): Json {
  checkPath(path);
  for (let i = 0; i < path.length; i++) {
    if (value instanceof Set) value = nth(value, +path[i]!);
    else if (value instanceof Map) {
      const key = nth(value, +path[i]!);
      value = +path[++i]! === 0 ? key : value.get(key);
    } else value = value[path[i]!];
  }
  return value;
}

function setDeep(root: Json, path: Path, mapper: (value: Json) => Json): Json {
  checkPath(path);
  if (path.length === 0) return mapper(root);
  let parent = root;
  for (let i = 0; i < path.length - 1; i++) {
    const key = path[i]!;
    if (Array.isArray(parent)) parent = parent[+key];
    else if (isPlainObject(parent)) parent = parent[key];
    else if (parent instanceof Set) parent = nth(parent, +key);
    else if (parent instanceof Map) {
      if (i === path.length - 2) break;
      const rowKey = nth(parent, +key);
      parent = +path[++i]! === 0 ? rowKey : parent.get(rowKey);
    }
  }
  const last = path[path.length - 1]!;
  if (Array.isArray(parent)) parent[+last] = mapper(parent[+last]);
  else if (isPlainObject(parent)) parent[last] = mapper(parent[last]);
  else if (parent instanceof Set) {
    const old = nth(parent, +last);
    const value = mapper(old);
    if (old !== value) {
      parent.delete(old);
      parent.add(value);
    }
  } else if (parent instanceof Map) {
    const key = nth(parent, +path[path.length - 2]!);
    if (+last === 0) {
      const newKey = mapper(key);
      parent.set(newKey, parent.get(key));
      if (newKey !== key) parent.delete(key);
    } else parent.set(key, mapper(parent.get(key)));
  }
  return root;
}

function untransform(json: Json, type: Annotation, custom: Record<string, (json: Json) => unknown>): unknown {
  if (Array.isArray(type)) {
    const [kind, name] = type;
    if (kind === "custom" && Object.hasOwn(custom, name)) return custom[name]!(json);
    const typedArray = kind === "typed-array" && name.endsWith("Array") && Object.hasOwn(globalThis, name) && (globalThis as Json)[name];
    if (typedArray?.BYTES_PER_ELEMENT) return new typedArray(json);
    throw new Error(`Cannot read ${kind} "${name}": no such ${kind} is registered here`);
  }
  switch (type) {
    case "undefined":
      return undefined;
    case "bigint":
      return BigInt(json);
    case "Date":
      return new Date(json);
    case "number":
      return Number(json);
    case "set":
      return new Set(json);
    case "map":
      return new Map(json);
    case "URL":
      return new URL(json);
    case "regexp": {
      const end = json.lastIndexOf("/");
      return new RegExp(json.slice(1, end), json.slice(end + 1));
    }
    case "Error": {
      const error = new Error(json.message, { cause: json.cause });
      error.name = json.name;
      error.stack = json.stack;
      return error;
    }
    default:
      throw new Error(`Unknown transformation: ${type}`);
  }
}

export function createWireDeserializer(custom: Record<string, (json: Json) => unknown>) {
  return function deserialize<T = unknown>(payload: unknown): T {
    const { json, meta } = payload as { json: Json; meta?: Meta };
    let result = copy(json);
    const legacy = (meta?.v ?? 0) < 1;
    const parse = (text: string) => parsePath(text, legacy);

    // A node is [type, children?] (children are read first: a Map's entries before the Map) or an object of paths.
    const traverse = (tree: Tree | undefined, origin: Path) => {
      if (!tree) return;
      const node = Array.isArray(tree) ? tree : undefined;
      for (const [key, child] of Object.entries((node ? node[1] : tree) ?? {})) traverse(child, [...origin, ...parse(key)]);
      if (node) result = setDeep(result, origin, (value) => untransform(value, node[0], custom));
    };
    traverse(meta?.values, []);

    // Paths of one object: the first is where it is, the others are set to the same object.
    const equalities = meta?.referentialEqualities;
    const share = (identicalPaths: string[], path: string) => {
      const shared = getDeep(result, parse(path));
      for (const identical of identicalPaths) result = setDeep(result, parse(identical), () => shared);
    };
    if (Array.isArray(equalities)) {
      const [rootPaths, others] = equalities;
      for (const identical of rootPaths) result = setDeep(result, parse(identical), () => result);
      for (const [path, paths] of Object.entries(others ?? {})) share(paths, path);
    } else for (const [path, paths] of Object.entries(equalities ?? {})) share(paths, path);
    return result as T;
  };
}
