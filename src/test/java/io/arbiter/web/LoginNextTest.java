package io.arbiter.web;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** After an ended session the sign-in returns to the screen named by "next" — only ever a screen of Arbiter. */
class LoginNextTest {

    @Test
    void nextIsOnlyEverAnArbiterScreen() {
        assertEquals("/ui/cases/12?tab=packets", LoginController.safeNext("/ui/cases/12?tab=packets"));
        for (String hostile : new String[] {null, "", "https://evil.example/ui/", "//evil.example/ui/", "/ui//evil.example",
                "/ui/\\\\evil.example", "/api/v1/claims", "/ui/logout", "/ui/login", "javascript:alert(1)", "/ui/" + "x".repeat(600)}) {
            assertNull(LoginController.safeNext(hostile), hostile);
        }
    }
}
