/*
 * Generates src/core/protocol/keyPartitionVectors.json: golden vectors for the Java producer's
 * key partitioning, toPositive(murmur2(key.getBytes(UTF_8))) % numPartitions.
 *
 * Independent of the TypeScript code under test:
 *  - the bytes come from the JDK's own encoder, String.getBytes(StandardCharsets.UTF_8), which is
 *    what Kafka's StringSerializer calls (unpaired surrogates become '?', 0x3F);
 *  - murmur2 and toPositive are transcribed from Kafka's
 *    clients/src/main/java/org/apache/kafka/common/utils/Utils.java, and the transcription is
 *    checked against Kafka's UtilsTest.testMurmur2 vectors before anything is written;
 *  - the partition is BuiltInPartitioner.partitionForKey (3.3+), DefaultPartitioner before it:
 *    Utils.toPositive(Utils.murmur2(serializedKey)) % numPartitions.
 *
 * Non-ASCII keys are written as \\u escapes so that the source compiles the same under any
 * platform encoding. Regenerate (see tools/README.md):
 *   javac -d /tmp/kpv tools/KeyPartitionVectors.java
 *   java -cp /tmp/kpv KeyPartitionVectors > src/core/protocol/keyPartitionVectors.json
 */
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

public final class KeyPartitionVectors {

    static final int[] PARTITION_COUNTS = {1, 2, 3, 5, 6, 10, 12, 16, 50, 100};

    /** Kafka's Utils.murmur2, transcribed verbatim. */
    @SuppressWarnings("fallthrough")
    static int murmur2(final byte[] data) {
        int length = data.length;
        int seed = 0x9747b28c;
        // 'm' and 'r' are mixing constants generated offline.
        // They're not really 'magic', they just happen to work well.
        final int m = 0x5bd1e995;
        final int r = 24;

        // Initialize the hash to a random value
        int h = seed ^ length;
        int length4 = length / 4;

        for (int i = 0; i < length4; i++) {
            final int i4 = i * 4;
            int k = (data[i4 + 0] & 0xff) + ((data[i4 + 1] & 0xff) << 8) + ((data[i4 + 2] & 0xff) << 16) + ((data[i4 + 3] & 0xff) << 24);
            k *= m;
            k ^= k >>> r;
            k *= m;
            h *= m;
            h ^= k;
        }

        // Handle the last few bytes of the input array
        switch (length % 4) {
            case 3:
                h ^= (data[(length & ~3) + 2] & 0xff) << 16;
            case 2:
                h ^= (data[(length & ~3) + 1] & 0xff) << 8;
            case 1:
                h ^= data[length & ~3] & 0xff;
                h *= m;
        }

        h ^= h >>> 13;
        h *= m;
        h ^= h >>> 15;

        return h;
    }

    /** Kafka's Utils.toPositive. */
    static int toPositive(int number) {
        return number & 0x7fffffff;
    }

    /** Kafka's UtilsTest.testMurmur2: the transcription must reproduce these before we trust it. */
    static void crossCheckAgainstUtilsTest() {
        Object[][] cases = {
            {"21".getBytes(StandardCharsets.US_ASCII), -973932308},
            {"foobar".getBytes(StandardCharsets.US_ASCII), -790332482},
            {"a-little-bit-long-string".getBytes(StandardCharsets.US_ASCII), -985981536},
            {"a-little-bit-longer-string".getBytes(StandardCharsets.US_ASCII), -1486304829},
            {"lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8".getBytes(StandardCharsets.US_ASCII), -58897971},
            {new byte[] {'a', 'b', 'c'}, 479470107},
        };
        for (Object[] c : cases) {
            int got = murmur2((byte[]) c[0]);
            if (got != (Integer) c[1]) {
                throw new IllegalStateException("murmur2 transcription disagrees with UtilsTest: " + got + " != " + c[1]);
            }
        }
    }

    static List<String[]> keys() {
        List<String[]> keys = new ArrayList<>();
        // { key, why }
        keys.add(new String[] {"", "empty key: zero bytes, no tail"});
        keys.add(new String[] {"a", "1 byte: tail case 1 only"});
        keys.add(new String[] {"ab", "2 bytes: tail case 2"});
        keys.add(new String[] {"abc", "3 bytes: tail case 3 (UtilsTest's {'a','b','c'})"});
        keys.add(new String[] {"abcd", "4 bytes: one block, no tail"});
        keys.add(new String[] {"abcde", "5 bytes: one block + tail 1"});
        keys.add(new String[] {"abcdef", "6 bytes: one block + tail 2"});
        keys.add(new String[] {"abcdefg", "7 bytes: one block + tail 3"});
        keys.add(new String[] {"abcdefgh", "8 bytes: two blocks, no tail"});
        keys.add(new String[] {"abcdefghi", "9 bytes: two blocks + tail 1"});
        keys.add(new String[] {"21", "UtilsTest.testMurmur2"});
        keys.add(new String[] {"foobar", "UtilsTest.testMurmur2"});
        keys.add(new String[] {"a-little-bit-long-string", "UtilsTest.testMurmur2"});
        keys.add(new String[] {"a-little-bit-longer-string", "UtilsTest.testMurmur2"});
        keys.add(new String[] {"lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8", "UtilsTest.testMurmur2"});
        keys.add(new String[] {"alice", "ASCII, the contract's report example"});
        keys.add(new String[] {"bob", "ASCII"});
        keys.add(new String[] {"order-0", "ASCII, {i} substitution style"});
        keys.add(new String[] {"order-1", "ASCII"});
        keys.add(new String[] {"order-42", "ASCII"});
        keys.add(new String[] {"user-1002", "ASCII"});
        keys.add(new String[] {"key-7", "ASCII"});
        keys.add(new String[] {" ", "a single space"});
        keys.add(new String[] {"\u0000", "NUL: one byte 0x00"});
        keys.add(new String[] {"\u007f", "DEL: last 1-byte code point"});
        keys.add(new String[] {"\u0080", "first 2-byte code point"});
        keys.add(new String[] {"\u07ff", "last 2-byte code point"});
        keys.add(new String[] {"\u0800", "first 3-byte code point"});
        keys.add(new String[] {"\u00e9", "accented Latin: 2 bytes (C3 A9)"});
        keys.add(new String[] {"caf\u00e9", "accented Latin: 5 bytes, tail 1"});
        keys.add(new String[] {"Z\u00fcrich", "accented Latin: 7 bytes"});
        keys.add(new String[] {"\u00d1and\u00fa", "accented Latin, two 2-byte chars"});
        keys.add(new String[] {"A\u00ea\u00f1\u00fcC", "UtilsTest.utf8ByteArraySerde's string"});
        keys.add(new String[] {"\u20ac", "3-byte BMP (E2 82 AC)"});
        keys.add(new String[] {"\u8ba2\u5355-42", "Chinese: 3 bytes per character"});
        keys.add(new String[] {"\u7528\u6237", "Chinese: 6 bytes"});
        keys.add(new String[] {"\ud7ff", "last code point before the surrogates: 3 bytes"});
        keys.add(new String[] {"\ue000", "first code point after the surrogates: 3 bytes"});
        keys.add(new String[] {"\uffff", "last BMP code point: 3 bytes"});
        keys.add(new String[] {"\ud83d\ude00", "emoji U+1F600: a surrogate pair, 4 bytes"});
        keys.add(new String[] {"key-\ud83d\ude00-x", "emoji inside ASCII"});
        keys.add(new String[] {"\ud800\udc00", "U+10000: first supplementary code point, 4 bytes"});
        keys.add(new String[] {"\udbff\udfff", "U+10FFFF: last code point, 4 bytes"});
        keys.add(new String[] {"a\ud800b", "unpaired high surrogate between ASCII: '?'"});
        keys.add(new String[] {"\udc00", "lone low surrogate: '?'"});
        keys.add(new String[] {"\ud800", "lone high surrogate at the end: '?'"});
        keys.add(new String[] {"\udc00\ud800", "low then high (reversed pair): '??'"});
        keys.add(new String[] {"\ud800\ud800\udc00", "unpaired high, then a valid pair: '?' + 4 bytes"});
        keys.add(new String[] {"x\ud83d", "emoji's high surrogate cut off at the end"});
        return keys;
    }

    static String hex(byte[] bytes) {
        StringBuilder sb = new StringBuilder();
        for (byte b : bytes) sb.append(String.format("%02x", b & 0xff));
        return sb.toString();
    }

    /** Whether c is written as itself: printable ASCII, Latin or Han letters, currency signs. */
    static boolean readable(char c) {
        if (c >= 0x20 && c < 0x7f) return true;
        if (Character.isSurrogate(c)) return false;
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        if (Character.getType(c) == Character.CURRENCY_SYMBOL && script == Character.UnicodeScript.COMMON) return true;
        return Character.isLetter(c) && (script == Character.UnicodeScript.LATIN || script == Character.UnicodeScript.HAN);
    }

    /** A JSON string literal; every other char (surrogates, paired or not, included) is a \\u escape. */
    static String jsonString(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') sb.append('\\').append(c);
            else if (readable(c)) sb.append(c);
            else sb.append(String.format("\\u%04x", (int) c));
        }
        return sb.append('"').toString();
    }

    public static void main(String[] args) {
        crossCheckAgainstUtilsTest();
        StringBuilder out = new StringBuilder();
        out.append("{\n");
        out.append("  \"source\": ").append(jsonString(
            "Generated by tools/KeyPartitionVectors.java on " + System.getProperty("java.vendor") + " "
            + System.getProperty("java.version") + ": utf8 is the JDK's String.getBytes(StandardCharsets.UTF_8) "
            + "(what Kafka's StringSerializer calls; an unpaired surrogate becomes '?'); murmur2 is a verbatim "
            + "transcription of Kafka's org.apache.kafka.common.utils.Utils.murmur2, checked against every vector of "
            + "Kafka's UtilsTest.testMurmur2 before writing; partitions[n] is Utils.toPositive(murmur2) % n, as "
            + "BuiltInPartitioner.partitionForKey (DefaultPartitioner before 3.3). key is the Java string; utf16 lists its "
            + "UTF-16 code units so that a loader that mangles lone surrogates is caught. Regenerate: see tools/README.md."))
            .append(",\n");
        out.append("  \"partitionCounts\": [");
        for (int i = 0; i < PARTITION_COUNTS.length; i++) out.append(i == 0 ? "" : ", ").append(PARTITION_COUNTS[i]);
        out.append("],\n");
        out.append("  \"vectors\": [\n");
        List<String[]> keys = keys();
        for (int k = 0; k < keys.size(); k++) {
            String key = keys.get(k)[0];
            String why = keys.get(k)[1];
            byte[] utf8 = key.getBytes(StandardCharsets.UTF_8);
            int hash = murmur2(utf8);
            StringBuilder utf16 = new StringBuilder();
            for (int i = 0; i < key.length(); i++) utf16.append(i == 0 ? "" : ", ").append('"').append(String.format("%04x", (int) key.charAt(i))).append('"');
            StringBuilder parts = new StringBuilder();
            for (int i = 0; i < PARTITION_COUNTS.length; i++) {
                parts.append(i == 0 ? "" : ", ").append(toPositive(hash) % PARTITION_COUNTS[i]);
            }
            out.append("    { \"key\": ").append(jsonString(key))
                .append(", \"note\": ").append(jsonString(why))
                .append(", \"utf16\": [").append(utf16).append(']')
                .append(", \"utf8Hex\": \"").append(hex(utf8)).append('"')
                .append(", \"murmur2\": ").append(hash)
                .append(", \"toPositive\": ").append(toPositive(hash))
                .append(", \"partitions\": [").append(parts).append("] }")
                .append(k + 1 < keys.size() ? ",\n" : "\n");
        }
        out.append("  ]\n}\n");
        // UTF-8 whatever the platform's default charset, so the Chinese and accented keys survive.
        PrintStream stdout = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        stdout.print(out);
        stdout.flush();
    }
}
