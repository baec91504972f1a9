// A small zip writer for hostile packages: entries stored, deflated, or given as a ready deflate stream with
// any declared size (so a package can lie about its sizes), ZIP64 when a size needs it. And `bombStream`: a
// deflate stream that inflates to gigabytes from a few MB, built by repeating one byte-aligned block (the
// bytes are never held uncompressed).
import zlib from "node:zlib";

export interface RawEntry {
  name: string;
  /** the compressed (method 8) or stored (method 0) bytes */
  body: Buffer;
  method: 0 | 8;
  /** the uncompressed size the package declares (the truth, or a lie) */
  size: number;
  crc?: number;
}

export function deflated(name: string, content: string | Buffer): RawEntry {
  const data = Buffer.isBuffer(content) ? content : Buffer.from(content, "utf8");
  return { name, body: zlib.deflateRawSync(data, { level: 9 }), method: 8, size: data.length, crc: zlib.crc32(data) };
}

/**
 * A deflate stream for prefix + repeat × unit + suffix, built from one full-flush block of the unit repeated
 * (a full flush ends byte-aligned and resets the window, so copies concatenate). Returns the stream and the
 * true inflated size.
 */
export function bombStream(
  prefix: string,
  unit: string,
  repeat: number,
  suffix: string,
): { body: Buffer; size: number } {
  const block = Buffer.from(unit.repeat(Math.max(1, Math.floor((1 << 20) / unit.length))), "utf8"); // about 1 MB
  const copies = Math.max(1, Math.round((repeat * unit.length) / block.length));
  const flush = { finishFlush: zlib.constants.Z_FULL_FLUSH, level: 9 };
  const head = zlib.deflateRawSync(Buffer.from(prefix, "utf8"), flush);
  const middle = zlib.deflateRawSync(block, flush);
  const tail = zlib.deflateRawSync(Buffer.from(suffix, "utf8"), { level: 9 });
  const body = Buffer.concat([head, ...Array<Buffer>(copies).fill(middle), tail]);
  return { body, size: Buffer.byteLength(prefix) + copies * block.length + Buffer.byteLength(suffix) };
}

/** The zip package of the entries (ZIP64 records where a size or offset needs 8 bytes). */
export function zipOf(entries: readonly RawEntry[]): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, "utf8");
    const big = e.size >= 0xffffffff || e.body.length >= 0xffffffff || offset >= 0xffffffff;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(big ? 45 : 20, 4);
    local.writeUInt16LE(e.method, 8);
    local.writeUInt32LE((e.crc ?? 0) >>> 0, 14);
    local.writeUInt32LE(big ? 0xffffffff : e.body.length, 18);
    local.writeUInt32LE(big ? 0xffffffff : e.size, 22);
    local.writeUInt16LE(name.length, 26);
    const extra = big ? zip64Extra([e.size, e.body.length, offset]) : Buffer.alloc(0);
    local.writeUInt16LE(big ? 20 : 0, 28);
    parts.push(local, name, big ? zip64Extra([e.size, e.body.length]) : extra, e.body);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(big ? 45 : 20, 4);
    cd.writeUInt16LE(big ? 45 : 20, 6);
    cd.writeUInt16LE(e.method, 10);
    cd.writeUInt32LE((e.crc ?? 0) >>> 0, 16);
    cd.writeUInt32LE(big ? 0xffffffff : e.body.length, 20);
    cd.writeUInt32LE(big ? 0xffffffff : e.size, 24);
    cd.writeUInt16LE(name.length, 28);
    cd.writeUInt16LE(extra.length, 30);
    cd.writeUInt32LE(big ? 0xffffffff : offset, 42);
    central.push(cd, name, extra);
    offset += 30 + name.length + (big ? 20 : 0) + e.body.length;
  }
  const cdBuf = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Math.min(entries.length, 0xffff), 8);
  end.writeUInt16LE(Math.min(entries.length, 0xffff), 10);
  end.writeUInt32LE(cdBuf.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, cdBuf, end]);
}

function zip64Extra(values: number[]): Buffer {
  const b = Buffer.alloc(4 + 8 * values.length);
  b.writeUInt16LE(0x0001, 0);
  b.writeUInt16LE(8 * values.length, 2);
  values.forEach((v, i) => b.writeBigUInt64LE(BigInt(v), 4 + 8 * i));
  return b;
}
