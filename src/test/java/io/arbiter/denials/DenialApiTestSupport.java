package io.arbiter.denials;

/** Shares DenialApiTest's one-page PDF maker with tests in other packages. */
public final class DenialApiTestSupport {

    private DenialApiTestSupport() {
    }

    public static byte[] pdf(String text) throws Exception {
        return DenialApiTest.pdf(text);
    }
}
