package io.arbiter.common;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The address of the client a request came from, for the audit log and the per-address sign-in lock.
 *
 * <p>By default the TCP peer: {@code X-Forwarded-For} is written by whoever sends the request, so trusting it blindly
 * would let a client choose the address it is audited and throttled under. Behind a load balancer every peer is the
 * balancer, so {@code arbiter.trusted-proxies} ({@code ARBITER_TRUSTED_PROXIES}: addresses and CIDR blocks, comma
 * separated) names the proxies whose header is believed: walking {@code X-Forwarded-For} from its right end (the
 * entry the nearest proxy wrote), trusted proxies are skipped and the first other address is the client. An entry
 * that is not an IP address ends the walk at the last address known good — a hop's own peer.
 */
@Singleton
public class ClientAddresses {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private final List<Block> trusted;

    public ClientAddresses(@Value("${arbiter.trusted-proxies:}") String trustedProxies) {
        List<Block> blocks = new ArrayList<>();
        for (String entry : trustedProxies.split(",")) {
            if (!entry.isBlank()) {
                blocks.add(Block.parse(entry.trim()));
            }
        }
        this.trusted = List.copyOf(blocks);
    }

    /** The client's address ("unknown" when the request has no peer). */
    public String of(@Nullable HttpRequest<?> request) {
        if (request == null || request.getRemoteAddress() == null) {
            return "unknown";
        }
        var remote = request.getRemoteAddress();
        String peer = remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
        if (trusted.isEmpty()) {
            return peer;
        }
        return resolve(peer, request.getHeaders().getAll("X-Forwarded-For"));
    }

    /** The walk described above, from the peer and the header's values in the order they arrived. */
    String resolve(String peer, List<String> forwardedFor) {
        byte[] peerBytes = literal(peer);
        if (peerBytes == null || !isTrusted(peerBytes)) {
            return peer;
        }
        List<String> hops = new ArrayList<>();
        for (String value : forwardedFor) {
            Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(hops::add);
        }
        String client = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            byte[] hop = literal(hops.get(i));
            if (hop == null) {
                return client;
            }
            client = hostAddress(hop, hops.get(i));
            if (!isTrusted(hop)) {
                return client;
            }
        }
        return client;
    }

    private boolean isTrusted(byte[] address) {
        return trusted.stream().anyMatch(b -> b.contains(address));
    }

    private static String hostAddress(byte[] bytes, String fallback) {
        try {
            return InetAddress.getByAddress(bytes).getHostAddress();
        } catch (UnknownHostException e) {
            return fallback;
        }
    }

    /** The bytes of an IP literal, or null for anything else (never a DNS look-up: only literals reach InetAddress). */
    @Nullable
    static byte[] literal(String text) {
        String s = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        boolean v4 = IPV4.matcher(s).matches();
        if (v4 ? Arrays.stream(s.split("\\.")).anyMatch(part -> Integer.parseInt(part) > 255) : !IPV6.matcher(s).matches()) {
            return null;
        }
        try {
            return InetAddress.getByName(s).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** An address or a CIDR block ({@code 10.0.0.0/8}, {@code fd00::/8}). */
    record Block(byte[] network, int prefix) {

        static Block parse(String text) {
            int slash = text.indexOf('/');
            byte[] network = literal(slash < 0 ? text : text.substring(0, slash));
            if (network == null) {
                throw new IllegalArgumentException("arbiter.trusted-proxies: " + text + " is not an IP address or CIDR block");
            }
            int prefix = network.length * 8;
            if (slash >= 0) {
                try {
                    prefix = Integer.parseInt(text.substring(slash + 1));
                } catch (NumberFormatException e) {
                    prefix = -1;
                }
                if (prefix < 0 || prefix > network.length * 8) {
                    throw new IllegalArgumentException("arbiter.trusted-proxies: " + text + " has a prefix outside 0–" + network.length * 8);
                }
            }
            return new Block(network, prefix);
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int whole = prefix / 8;
            for (int i = 0; i < whole; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (address[whole] & mask) == (network[whole] & mask);
        }
    }
}
