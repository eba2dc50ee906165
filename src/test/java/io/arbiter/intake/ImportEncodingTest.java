package io.arbiter.intake;

import io.micronaut.jdbc.DataSourceResolver;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 23 item 9: a name written in Windows-1252/Latin-1 was stored as U+FFFD. The file's encoding is now decided
 * before it is read: UTF-8 as it is, Windows-1252 with a located warning, anything else refused with its location.
 */
@MicronautTest(transactional = false)
class ImportEncodingTest {

    private static final String FIXTURE = "x12/acme-self-funded-835.edi";

    @Inject IntakeTestSupport support;
    @Inject DataSource dataSource;
    @Inject DataSourceResolver resolver;

    @BeforeEach
    void clean() {
        support.wipe();
    }

    /** The fixture with the first patient's last name NGUYEN (segment 18) replaced by {@code name} in {@code charset}. */
    private static byte[] withPatientName(byte[] name) throws Exception {
        String text = new String(IntakeTestSupport.fixture(FIXTURE), StandardCharsets.US_ASCII);
        int at = text.indexOf("NM1*QC*1*NGUYEN*CARLOS");
        assertTrue(at > 0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(text.substring(0, at + "NM1*QC*1*".length()).getBytes(StandardCharsets.US_ASCII));
        out.write(name);
        out.write(text.substring(at + "NM1*QC*1*NGUYEN".length()).getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private String storedLastNameOfMember(String memberId) throws Exception {
        try (Connection c = resolver.resolve(dataSource).getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT last_name FROM patient WHERE member_id = ?")) {
            ps.setString(1, memberId);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), "patient " + memberId + " stored");
                return rs.getString(1);
            }
        }
    }

    @Test
    void aWindows1252NameIsReadAsWrittenWithALocatedWarning() throws Exception {
        ImportView v = support.importBytes("latin1-835.edi", withPatientName("NÚÑEZ".getBytes(Charset.forName("windows-1252"))));
        assertEquals("COMPLETED", v.status(), v.errors().toString());
        assertEquals("NÚÑEZ", storedLastNameOfMember("W771862057"));
        assertTrue(v.warnings().stream().anyMatch(w -> w.location().equals("segment 18")
                && w.message().contains("byte 0xDA") && w.message().contains("read as Windows-1252")), v.warnings().toString());
    }

    @Test
    void aUtf8NameIsReadAsWrittenWithoutAWarning() throws Exception {
        ImportView v = support.importBytes("utf8-835.edi", withPatientName("NÚÑEZ".getBytes(StandardCharsets.UTF_8)));
        assertEquals("COMPLETED", v.status(), v.errors().toString());
        assertEquals("NÚÑEZ", storedLastNameOfMember("W771862057"));
        assertTrue(v.warnings().stream().noneMatch(w -> w.message().contains("Windows-1252")), v.warnings().toString());
    }

    @Test
    void bytesThatAreNeitherUtf8NorWindows1252AreRefusedWithTheirLocation() throws Exception {
        // 0x81 is not valid UTF-8 on its own and is undefined in Windows-1252.
        ImportView v = support.importBytes("binary-835.edi", withPatientName(new byte[] {'N', (byte) 0x81, 'Z'}));
        assertEquals("REJECTED", v.status());
        assertEquals("segment 18", v.errors().get(0).location());
        assertTrue(v.errors().get(0).message().contains("neither UTF-8 nor Windows-1252"), v.errors().toString());
    }
}
