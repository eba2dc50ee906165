package io.arbiter.intake;

import io.arbiter.common.ApiProblem;
import io.micronaut.core.annotation.Nullable;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Which character set an uploaded file's text is in. Files are read as UTF-8; a payer or clearinghouse that writes
 * names in Windows-1252/Latin-1 ("Núñez" as the single byte 0xFA for ú) used to have them stored as U+FFFD (issue 23
 * item 9). Now: valid UTF-8 is read as it is; a file that is not valid UTF-8 but is valid Windows-1252 is read as
 * Windows-1252, with a warning that names where the first non-UTF-8 byte is; anything else is refused with that
 * location. The SHA-256 that makes re-imports idempotent stays the hash of the bytes as uploaded.
 */
final class TextEncoding {

    /** How to read the file; {@code note} is the warning or error to report with its location, if any. */
    record Verdict(@Nullable Charset charset, @Nullable ApiProblem.ProblemDetail note) {
        boolean refused() {
            return charset == null;
        }
    }

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private TextEncoding() {
    }

    static Verdict of(Path file) throws IOException {
        long bad = firstUndecodable(file, StandardCharsets.UTF_8);
        if (bad < 0) {
            return new Verdict(StandardCharsets.UTF_8, null);
        }
        String where = locate(file, bad);
        if (firstUndecodable(file, WINDOWS_1252) < 0) {
            return new Verdict(WINDOWS_1252, new ApiProblem.ProblemDetail(where,
                    "the file is not UTF-8 (byte 0x" + String.format("%02X", byteAt(file, bad)) + " at offset " + bad
                            + " is not valid UTF-8); it was read as Windows-1252 (Latin-1) — check accented names against the source"));
        }
        return new Verdict(null, new ApiProblem.ProblemDetail(where, "the file is neither UTF-8 nor Windows-1252 text (byte 0x"
                + String.format("%02X", byteAt(file, bad)) + " at offset " + bad + "); nothing of it was kept"));
    }

    /** A UTF-8 copy of {@code file} read as {@code from}, as a new temporary file. */
    static Path toUtf8(Path file, Charset from) throws IOException {
        Path out = Files.createTempFile("arbiter-import-", ".utf8");
        try (Reader r = Files.newBufferedReader(file, from); Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            r.transferTo(w);
        }
        return out;
    }

    /** Offset of the first byte {@code charset} cannot decode, or -1 when all of it decodes. */
    private static long firstUndecodable(Path file, Charset charset) throws IOException {
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.allocate(1 << 16);
        CharBuffer out = CharBuffer.allocate(1 << 16);
        long base = 0; // file offset of in's first byte
        boolean eof = false;
        try (InputStream s = Files.newInputStream(file)) {
            while (true) {
                int n = s.read(in.array(), in.position(), in.remaining());
                eof = n < 0;
                if (!eof) {
                    in.position(in.position() + n);
                }
                in.flip();
                CoderResult r;
                do {
                    out.clear();
                    r = decoder.decode(in, out, eof);
                    if (r.isError()) {
                        return base + in.position();
                    }
                } while (r.isOverflow());
                if (eof) {
                    return in.hasRemaining() ? base + in.position() : -1;
                }
                base += in.position();
                in.compact();
            }
        }
    }

    /** "segment N" for an X12 file (counting its segment terminator), "line N" otherwise. */
    private static String locate(Path file, long offset) throws IOException {
        try (InputStream s = new BufferedInputStream(Files.newInputStream(file))) {
            byte[] head = new byte[106];
            s.mark(200);
            int n = s.readNBytes(head, 0, head.length);
            s.reset();
            boolean x12 = n == 106 && head[0] == 'I' && head[1] == 'S' && head[2] == 'A';
            int terminator = x12 ? head[105] : '\n';
            long count = 1;
            for (long i = 0; i < offset; i++) {
                int b = s.read();
                if (b < 0) {
                    break;
                }
                if (b == terminator) {
                    count++;
                }
            }
            return (x12 ? "segment " : "line ") + count;
        }
    }

    private static int byteAt(Path file, long offset) throws IOException {
        try (InputStream s = Files.newInputStream(file)) {
            s.skipNBytes(offset);
            return s.read() & 0xFF;
        }
    }
}
