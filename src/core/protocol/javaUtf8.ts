/**
 * Java's `String.getBytes(StandardCharsets.UTF_8)`, which Kafka's `StringSerializer` uses for
 * keys and values. It differs from `TextEncoder` in one way that matters for partitioning:
 * an unpaired surrogate becomes `?` (0x3F), where `TextEncoder` writes U+FFFD (3 bytes).
 */

export function encodeJavaUtf8(text: string): Uint8Array {
  const out = new Uint8Array(javaUtf8Length(text));
  let at = 0;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c < 0x80) {
      out[at++] = c;
    } else if (c < 0x800) {
      out[at++] = 0xc0 | (c >> 6);
      out[at++] = 0x80 | (c & 0x3f);
    } else if (c >= 0xd800 && c <= 0xdfff) {
      const low = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
      if (c <= 0xdbff && low >= 0xdc00 && low <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00);
        i++;
        out[at++] = 0xf0 | (c >> 18);
        out[at++] = 0x80 | ((c >> 12) & 0x3f);
        out[at++] = 0x80 | ((c >> 6) & 0x3f);
        out[at++] = 0x80 | (c & 0x3f);
      } else {
        out[at++] = 0x3f; // '?': Java's replacement for a malformed (unpaired) surrogate
      }
    } else {
      out[at++] = 0xe0 | (c >> 12);
      out[at++] = 0x80 | ((c >> 6) & 0x3f);
      out[at++] = 0x80 | (c & 0x3f);
    }
  }
  return out;
}

/** The byte length of `encodeJavaUtf8(text)`, without building the bytes. */
export function javaUtf8Length(text: string): number {
  let length = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) length += 1;
    else if (c < 0x800) length += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      const low = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
      if (low >= 0xdc00 && low <= 0xdfff) {
        length += 4;
        i++;
      } else length += 1;
    } else if (c >= 0xdc00 && c <= 0xdfff) length += 1;
    else length += 3;
  }
  return length;
}
