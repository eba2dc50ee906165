package io.arbiter.common;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which address a request is audited and throttled under, behind proxies Arbiter trusts and ones it does not. */
class ClientAddressesTest {

    /** docker/compose.yml: the balancer at 172.28.0.10; a corporate proxy block in front of it. */
    private final ClientAddresses behindBalancer = new ClientAddresses("172.28.0.10, 10.20.0.0/16");

    @Test
    void theClientTheTrustedBalancerSawIsTheAddress() {
        assertEquals("203.0.113.7", behindBalancer.resolve("172.28.0.10", List.of("203.0.113.7")));
    }

    @Test
    void anAddressTheClientWroteItselfIsNotBelieved() {
        // the client sent "X-Forwarded-For: 10.66.6.6"; nginx appended the address it saw
        assertEquals("198.51.100.20", behindBalancer.resolve("172.28.0.10", List.of("10.66.6.6, 198.51.100.20")));
        // ... even when it names a trusted proxy: the walk stops at the first untrusted hop from the right
        assertEquals("198.51.100.20", behindBalancer.resolve("172.28.0.10", List.of("10.20.1.1", "198.51.100.20")));
    }

    @Test
    void trustedProxiesInARowAreSkipped() {
        // client -> corporate proxy 10.20.4.4 -> balancer: the balancer's header holds both
        assertEquals("203.0.113.9", behindBalancer.resolve("172.28.0.10", List.of("203.0.113.9, 10.20.4.4")));
        // every hop trusted: the farthest one is what is known
        assertEquals("10.20.9.9", behindBalancer.resolve("172.28.0.10", List.of("10.20.9.9, 10.20.4.4")));
    }

    @Test
    void aPeerThatIsNotTrustedIsTheAddressWhateverItsHeaderSays() {
        assertEquals("203.0.113.50", behindBalancer.resolve("203.0.113.50", List.of("127.0.0.1")));
        assertEquals("203.0.113.50", new ClientAddresses("").resolve("203.0.113.50", List.of("1.2.3.4")));
    }

    @Test
    void garbageInTheHeaderEndsTheWalkAtTheLastAddressKnownGood() {
        assertEquals("172.28.0.10", behindBalancer.resolve("172.28.0.10", List.of("evil.example.com")));
        assertEquals("10.20.4.4", behindBalancer.resolve("172.28.0.10", List.of("203.0.113.9, unknown, 10.20.4.4")));
        assertEquals("172.28.0.10", behindBalancer.resolve("172.28.0.10", List.of("999.1.1.1")));
        assertEquals("172.28.0.10", behindBalancer.resolve("172.28.0.10", List.of()));
    }

    @Test
    void ipv6BlocksAndBracketedAddresses() {
        ClientAddresses v6 = new ClientAddresses("fd00:ab::/32");
        assertEquals("2001:db8:0:0:0:0:0:1", v6.resolve("fd00:ab:1::5", List.of("[2001:db8::1]")));
        assertEquals("fd00:ac::5", v6.resolve("fd00:ac::5", List.of("2001:db8::1")), "outside the /32: not trusted, the peer as it came");
    }

    @Test
    void prefixesThatAreNotWholeBytes() {
        ClientAddresses block = new ClientAddresses("192.168.16.0/20");
        assertEquals("203.0.113.1", block.resolve("192.168.31.255", List.of("203.0.113.1")));
        assertEquals("192.168.32.1", block.resolve("192.168.32.1", List.of("203.0.113.1")), "192.168.32.0 is past the /20");
    }

    @Test
    void aHostNameIsNeverLookedUpAndABadSettingSaysWhichEntry() {
        assertNull(ClientAddresses.literal("localhost"));
        assertNull(ClientAddresses.literal("example.com"));
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> new ClientAddresses("10.0.0.0/8, proxy.internal"));
        assertTrue(bad.getMessage().contains("proxy.internal"), bad.getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new ClientAddresses("10.0.0.0/33")).getMessage().contains("0–32"));
    }
}
