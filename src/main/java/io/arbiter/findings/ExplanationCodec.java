package io.arbiter.findings;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * Stores finding explanations compactly: raw DEFLATE primed with a preset dictionary of typical explanation
 * phrases (findings/explanation-dictionary-v1.txt). A priced line's explanation (~500 bytes of steps and
 * figures) becomes ~90 bytes, which keeps a million-line scan's findings inside the database's buffer pool;
 * the text read back is byte-for-byte the text written. The first byte names the dictionary version, so the
 * dictionary file must never change: add a v2 instead.
 */
final class ExplanationCodec {

    private static final byte V1 = 1;
    private static final byte[] DICTIONARY_V1 = load("/findings/explanation-dictionary-v1.txt");

    /** Deflater/Inflater hold native memory: one per thread, reused. */
    private static final ThreadLocal<Deflater> DEFLATER = ThreadLocal.withInitial(() -> new Deflater(6, true));
    private static final ThreadLocal<Inflater> INFLATER = ThreadLocal.withInitial(() -> new Inflater(true));

    private ExplanationCodec() {
    }

    static byte[] encode(String text) {
        byte[] in = text.getBytes(StandardCharsets.UTF_8);
        Deflater d = DEFLATER.get();
        d.reset();
        d.setDictionary(DICTIONARY_V1);
        d.setInput(in);
        d.finish();
        byte[] buf = new byte[in.length + 64];
        buf[0] = V1;
        int n = 1;
        while (!d.finished()) {
            if (n == buf.length) {
                buf = java.util.Arrays.copyOf(buf, buf.length * 2);
            }
            n += d.deflate(buf, n, buf.length - n);
        }
        return java.util.Arrays.copyOf(buf, n);
    }

    static String decode(byte[] stored) {
        if (stored[0] != V1) {
            throw new IllegalStateException("unknown explanation dictionary version " + stored[0]);
        }
        Inflater inf = INFLATER.get();
        inf.reset();
        inf.setDictionary(DICTIONARY_V1);
        inf.setInput(stored, 1, stored.length - 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream(stored.length * 6);
        byte[] buf = new byte[1024];
        try {
            while (!inf.finished()) {
                int n = inf.inflate(buf);
                if (n == 0 && (inf.needsInput() || inf.needsDictionary())) {
                    break; // raw DEFLATE ends without a trailer; all input consumed
                }
                out.write(buf, 0, n);
            }
        } catch (DataFormatException e) {
            throw new IllegalStateException("corrupt stored explanation", e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static byte[] load(String resource) {
        try (InputStream in = ExplanationCodec.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
