/**
 * Windows-1252 decoding. Node 20's TextDecoder('windows-1252') decodes 0x80-0x9F as C1 control
 * characters (Latin-1), which turns ACLED's curly quotes into mojibake; this table does not.
 */
const HIGH = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d,
  0x017d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a,
  0x0153, 0x9d, 0x017e, 0x0178,
];
const TABLE = Array.from({ length: 256 }, (_, b) =>
  String.fromCharCode(b >= 0x80 && b < 0xa0 ? (HIGH[b - 0x80] as number) : b),
);

export function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const part = bytes.subarray(i, i + 8192);
    let chunk = '';
    for (const b of part) chunk += TABLE[b];
    out += chunk;
  }
  return out;
}
