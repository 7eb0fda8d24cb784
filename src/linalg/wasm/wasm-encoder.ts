/**
 * Just enough of the WebAssembly binary format to emit a module of numeric kernels from TypeScript:
 * no assembler is installed offline, and building the bytes here keeps them inside the bundle (dist/).
 */

export const I32 = 0x7f;
export const F64 = 0x7c;
export const V128 = 0x7b;

/** Unsigned LEB128. */
export function uleb(value: number): number[] {
  const out: number[] = [];
  let v = value >>> 0;
  do {
    let byte = v & 0x7f;
    v >>>= 7;
    if (v !== 0) byte |= 0x80;
    out.push(byte);
  } while (v !== 0);
  return out;
}

/** Signed LEB128 for 32-bit constants. */
export function sleb(value: number): number[] {
  const out: number[] = [];
  let v = value | 0;
  for (;;) {
    const byte = v & 0x7f;
    v >>= 7;
    const done = (v === 0 && (byte & 0x40) === 0) || (v === -1 && (byte & 0x40) !== 0);
    out.push(done ? byte : byte | 0x80);
    if (done) return out;
  }
}

/** A vector: its length, then its items. */
function vec(items: readonly number[][]): number[] {
  return [...uleb(items.length), ...items.flat()];
}

function section(id: number, content: number[]): number[] {
  return [id, ...uleb(content.length), ...content];
}

function name(text: string): number[] {
  const bytes = [...new TextEncoder().encode(text)];
  return [...uleb(bytes.length), ...bytes];
}

export interface WasmFunction {
  readonly name: string;
  readonly params: readonly number[];
  /** Extra locals' types, after the params. */
  readonly locals: readonly number[];
  /** The body's instructions, without the final `end`. */
  readonly body: readonly number[];
}

/** A module of functions with no results over one imported memory, `env.memory` (at least 1 page). */
export function encodeModule(functions: readonly WasmFunction[]): Uint8Array {
  const types = section(1, vec(functions.map((f) => [0x60, ...vec(f.params.map((p) => [p])), 0])));
  const imports = section(2, vec([[...name('env'), ...name('memory'), 0x02, 0x00, 1]]));
  const funcs = section(3, vec(functions.map((_, k) => uleb(k))));
  const exports = section(7, vec(functions.map((f, k) => [...name(f.name), 0x00, ...uleb(k)])));
  const code = section(
    10,
    vec(
      functions.map((f) => {
        const locals = vec(f.locals.map((t) => [1, t]));
        const body = [...locals, ...f.body, 0x0b];
        return [...uleb(body.length), ...body];
      }),
    ),
  );
  return Uint8Array.from([
    0x00,
    0x61,
    0x73,
    0x6d,
    0x01,
    0x00,
    0x00,
    0x00,
    ...types,
    ...imports,
    ...funcs,
    ...exports,
    ...code,
  ]);
}

/** Instruction helpers: each returns the bytes of one instruction. */
export const op = {
  get: (local: number) => [0x20, ...uleb(local)],
  set: (local: number) => [0x21, ...uleb(local)],
  i32: (value: number) => [0x41, ...sleb(value)],
  add: [0x6a],
  mul: [0x6c],
  eqz: [0x45],
  sub: [0x6b],
  geU: [0x4f],
  /** block and loop with no result; `end` closes either. */
  block: [0x02, 0x40],
  loop: [0x03, 0x40],
  end: [0x0b],
  br: (depth: number) => [0x0c, ...uleb(depth)],
  brIf: (depth: number) => [0x0d, ...uleb(depth)],
  /** v128.load / v128.store / v128.load64_splat with a static byte offset (alignment hint 8 bytes). */
  v128Load: (offset: number) => [0xfd, ...uleb(0x00), 3, ...uleb(offset)],
  v128Store: (offset: number) => [0xfd, ...uleb(0x0b), 3, ...uleb(offset)],
  load64Splat: (offset: number) => [0xfd, ...uleb(0x0a), 3, ...uleb(offset)],
  /** f64x2.extract_lane 0, then f64.store at a static byte offset. */
  storeLow: (offset: number) => [0xfd, ...uleb(0x21), 0, 0x39, 3, ...uleb(offset)],
  v128Zero: [0xfd, ...uleb(0x0c), ...new Array<number>(16).fill(0)],
  f64x2Lt: [0xfd, ...uleb(0x49)],
  f64x2Le: [0xfd, ...uleb(0x4b)],
  v128AndNot: [0xfd, ...uleb(0x4f)],
  f64x2Add: [0xfd, ...uleb(0xf0)],
  f64x2Mul: [0xfd, ...uleb(0xf2)],
} as const;
