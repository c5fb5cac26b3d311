// A small zip reader: lists a zip's entries and reads the few we need, without loading
// the rest (a Mastodon archive holds all its media too). It reads the central directory
// from the end of the file (zip64 included), then each wanted entry through `Blob.slice`.
// Entries are stored (method 0) or deflated (method 8, inflated by the browser's
// `DecompressionStream('deflate-raw')`); other methods and encrypted entries are refused.
// The zip is the page's input, so nothing in it is trusted: every read stays inside the
// directory, an entry is refused above MAX_ENTRY_BYTES, inflating stops as soon as the
// output passes what the directory claims (a zip bomb costs at most that much memory), and
// the inflated bytes must match the directory's CRC-32.
//
//   const entries = await listZip(file);              // [{name, method, size, …}]
//   const bytes = await readEntry(file, entry, (done, total) => …);

const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_ZIP64_EOCD = 0x06064b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;

/** The largest entry we inflate: a posts file of 50,000 posts is about 60 MB. */
export const MAX_ENTRY_BYTES = 256 * 1024 * 1024;

/** How much compressed input the inflater gets at a time (see `inflate`). */
const INFLATE_PIECE_BYTES = 16 * 1024;

export class ZipError extends Error {}

const CRC_TABLE = new Int32Array(256).map((_, index) => {
  let crc = index;
  for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? 0xedb88320 ^ (crc >>> 1) : crc >>> 1;
  return crc;
});

/** The CRC-32 of `bytes` continued from `crc` (start with 0), as zip stores it. */
function crc32(bytes, crc = 0) {
  crc = ~crc;
  for (let index = 0; index < bytes.length; index++) crc = CRC_TABLE[(crc ^ bytes[index]) & 0xff] ^ (crc >>> 8);
  return ~crc >>> 0;
}

function mebibytes(bytes) {
  return `${Math.round(bytes / (1024 * 1024)).toLocaleString('en')} MiB`;
}

async function bytesOf(blob, start, end) {
  return new Uint8Array(await blob.slice(start, end).arrayBuffer());
}

/** Whether the blob starts like a zip ("PK\3\4", or "PK\5\6" for an empty one). */
export async function isZip(blob) {
  const head = await bytesOf(blob, 0, 4);
  return head.length === 4 && head[0] === 0x50 && head[1] === 0x4b && (head[2] === 3 || head[2] === 5);
}

function u64(view, offset) {
  return Number(view.getBigUint64(offset, true));
}

/** The entries of the zip's central directory. */
export async function listZip(blob) {
  // The end record is 22 bytes plus a comment of at most 65535.
  const tailStart = Math.max(0, blob.size - 22 - 65535);
  const tail = await bytesOf(blob, tailStart, blob.size);
  const tailView = new DataView(tail.buffer);
  let eocd = -1;
  for (let index = tail.length - 22; index >= 0; index--) {
    if (tailView.getUint32(index, true) === SIG_EOCD) {
      eocd = index;
      break;
    }
  }
  if (eocd < 0) throw new ZipError('the zip has no central directory: it is damaged or was cut short');
  let count = tailView.getUint16(eocd + 10, true);
  let directorySize = tailView.getUint32(eocd + 12, true);
  let directoryOffset = tailView.getUint32(eocd + 16, true);
  if (count === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) {
    const locator = eocd - 20;
    if (locator < 0 || tailView.getUint32(locator, true) !== SIG_ZIP64_LOCATOR) throw new ZipError('the zip64 end record is missing');
    const zip64Offset = u64(tailView, locator + 8);
    const record = new DataView((await bytesOf(blob, zip64Offset, zip64Offset + 56)).buffer);
    if (record.byteLength < 56 || record.getUint32(0, true) !== SIG_ZIP64_EOCD) throw new ZipError('the zip64 end record is damaged');
    count = u64(record, 32);
    directorySize = u64(record, 40);
    directoryOffset = u64(record, 48);
  }
  if (directoryOffset + directorySize > blob.size) throw new ZipError('the zip was cut short: its directory points past the end of the file');
  const directory = await bytesOf(blob, directoryOffset, directoryOffset + directorySize);
  const view = new DataView(directory.buffer);
  const entries = [];
  let at = 0;
  for (let index = 0; index < count; index++) {
    const damaged = (what) => new ZipError(`zip directory entry ${index + 1} is damaged: ${what}`);
    if (at + 46 > directory.length || view.getUint32(at, true) !== SIG_CENTRAL) throw damaged('no entry where the directory says one starts');
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    const crc = view.getUint32(at + 16, true);
    let compressedSize = view.getUint32(at + 20, true);
    let size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    let localOffset = view.getUint32(at + 42, true);
    let extra = at + 46 + nameLength;
    const extraEnd = extra + extraLength;
    if (extraEnd + commentLength > directory.length) throw damaged('its name, extra fields or comment run past the end of the directory');
    const nameBytes = directory.subarray(at + 46, at + 46 + nameLength);
    // Bit 11: UTF-8 names. Older tools wrote CP437; ASCII names read the same either way.
    const name = new TextDecoder(flags & 0x800 ? 'utf-8' : 'latin1').decode(nameBytes);
    // Zip64 extra field: the 64-bit values, in this order, for the fields that overflowed.
    while (extra + 4 <= extraEnd) {
      const id = view.getUint16(extra, true);
      const length = view.getUint16(extra + 2, true);
      const fieldEnd = extra + 4 + length;
      if (fieldEnd > extraEnd) throw damaged(`an extra field of ${length} bytes runs past the entry's extra data`);
      if (id === 0x0001) {
        let field = extra + 4;
        const next = () => {
          if (field + 8 > fieldEnd) throw damaged('its zip64 extra field is too short');
          field += 8;
          return u64(view, field - 8);
        };
        if (size === 0xffffffff) size = next();
        if (compressedSize === 0xffffffff) compressedSize = next();
        if (localOffset === 0xffffffff) localOffset = next();
      }
      extra = fieldEnd;
    }
    entries.push({ name, method, compressedSize, size, crc, localOffset, encrypted: (flags & 1) === 1 });
    at = extraEnd + commentLength;
  }
  return entries;
}

/** The uncompressed bytes of one entry; `onProgress(doneBytes, totalBytes)` as it inflates.
 *  `limit` is for tests; the playground uses MAX_ENTRY_BYTES. */
export async function readEntry(blob, entry, onProgress = () => {}, limit = MAX_ENTRY_BYTES) {
  if (entry.encrypted) throw new ZipError(`${entry.name} is encrypted`);
  // Refused before anything is read or allocated: the claim is the zip's own word.
  if (entry.size > limit) {
    throw new ZipError(`${entry.name} would be ${mebibytes(entry.size)} once unzipped, more than the ${mebibytes(limit)} a posts file can be`);
  }
  const header = new DataView((await bytesOf(blob, entry.localOffset, entry.localOffset + 30)).buffer);
  if (header.byteLength < 30 || header.getUint32(0, true) !== SIG_LOCAL) throw new ZipError(`${entry.name}: its local header is damaged`);
  const start = entry.localOffset + 30 + header.getUint16(26, true) + header.getUint16(28, true);
  const end = start + entry.compressedSize;
  if (end > blob.size) throw new ZipError(`${entry.name} was cut short: the zip ends before it does`);
  const compressed = blob.slice(start, end);
  let bytes;
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.size) throw new ZipError(`${entry.name} is damaged: stored as ${entry.compressedSize} bytes but said to be ${entry.size}`);
    bytes = new Uint8Array(await compressed.arrayBuffer());
    onProgress(bytes.length, entry.size);
  } else if (entry.method === 8) {
    bytes = await inflate(compressed, entry, onProgress);
  } else {
    throw new ZipError(`${entry.name} is compressed with method ${entry.method}; only stored and deflated entries can be read`);
  }
  if (crc32(bytes) !== entry.crc) throw new ZipError(`${entry.name} is damaged: its bytes do not match the checksum the zip gives for them`);
  return bytes;
}

/** Inflates a deflated entry into exactly `entry.size` bytes (already capped), stopping
 *  at the first byte past it: a bomb that claims little and inflates to a lot costs no
 *  more than its claim. */
async function inflate(compressed, entry, onProgress) {
  // Fed in small pieces: the browser inflates each piece it is given at once, whole, and
  // 16 KiB of deflate inflates to at most about 16 MiB.
  let offset = 0;
  const pieces = new ReadableStream({
    async pull(controller) {
      if (offset >= compressed.size) return controller.close();
      controller.enqueue(new Uint8Array(await compressed.slice(offset, offset + INFLATE_PIECE_BYTES).arrayBuffer()));
      offset += INFLATE_PIECE_BYTES;
    },
  }, { highWaterMark: 0 });
  const reader = pieces.pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  const output = new Uint8Array(entry.size);
  let length = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (length + value.length > output.length) {
        reader.cancel().catch(() => {});
        throw new ZipError(`${entry.name} is damaged: it inflates to more than the ${entry.size.toLocaleString('en')} bytes the zip says it holds`);
      }
      output.set(value, length);
      length += value.length;
      onProgress(length, entry.size);
    }
  } catch (error) {
    if (error instanceof ZipError) throw error;
    throw new ZipError(`${entry.name} could not be inflated (${error.message}): the zip is damaged`);
  }
  if (length !== output.length) throw new ZipError(`${entry.name} is damaged: it inflates to ${length.toLocaleString('en')} bytes, not the ${entry.size.toLocaleString('en')} the zip says`);
  return output;
}
