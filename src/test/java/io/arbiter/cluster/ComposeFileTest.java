package io.arbiter.cluster;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docker/compose.yml, docker/nginx.conf and docker/Dockerfile agree (no Docker here to run them): every Arbiter
 * instance of the compose file has the same settings but its own name, the balancer sends to exactly those instances
 * on the port the image exposes, the shared token secret must be given, and the public side never reaches /metrics.
 */
class ComposeFileTest {

    private static final Path DOCKER = Path.of("docker");

    @Test
    @SuppressWarnings("unchecked")
    void theBalancerSpreadsOverEveryInstanceAndTheInstancesShareTheirSettings() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(DOCKER.resolve("compose.yml")));
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");
        String nginx = Files.readString(DOCKER.resolve("nginx.conf"));
        String dockerfile = Files.readString(DOCKER.resolve("Dockerfile"));

        Matcher exposed = Pattern.compile("(?m)^EXPOSE (\\d+)").matcher(dockerfile);
        assertTrue(exposed.find(), "the image exposes its port");
        String port = exposed.group(1);

        TreeSet<String> instances = new TreeSet<>();
        Map<String, Object> shared = null;
        TreeSet<String> names = new TreeSet<>();
        for (var service : services.entrySet()) {
            if (!service.getKey().startsWith("arbiter")) {
                continue;
            }
            instances.add(service.getKey());
            Map<String, Object> s = service.getValue();
            assertEquals("docker/Dockerfile", ((Map<String, Object>) s.get("build")).get("dockerfile"));
            Object healthcheck = ((Map<String, Object>) s.get("healthcheck")).get("test");
            assertTrue(String.valueOf(healthcheck).contains("http://127.0.0.1:" + port + "/health"), service.getKey() + " is checked on /health");
            Map<String, Object> env = new HashMap<>((Map<String, Object>) s.get("environment"));
            names.add(String.valueOf(env.remove("ARBITER_INSTANCE_NAME")));
            if (shared == null) {
                shared = env;
            }
            assertEquals(shared, env, service.getKey() + " has the settings of the other instances");
        }
        assertTrue(instances.size() >= 2, "a cluster: " + instances);
        assertEquals(instances, names, "each instance is named after its service");
        assertTrue(String.valueOf(shared.get("ARBITER_JWT_SECRET")).startsWith("${ARBITER_JWT_SECRET:?"), "one secret, required");
        assertTrue(String.valueOf(shared.get("DATASOURCES_DEFAULT_URL")).startsWith("jdbc:mysql://mysql:3306/"), "one database");

        TreeSet<String> upstream = new TreeSet<>();
        Matcher server = Pattern.compile("(?m)^\\s*server ([a-z0-9-]+):(\\d+)").matcher(nginx);
        while (server.find()) {
            assertEquals(port, server.group(2));
            upstream.add(server.group(1));
        }
        assertEquals(instances, upstream, "nginx balances over exactly the compose file's instances");
        assertTrue(nginx.contains("location = /metrics {\n            return 404;"), "metrics are not served to the public side");

        Map<String, Object> lb = services.get("lb");
        assertTrue(String.valueOf(lb.get("image")).startsWith("nginx:"));
        assertEquals(List.of("./nginx.conf:/etc/nginx/nginx.conf:ro"), lb.get("volumes"));
        assertEquals(instances, new TreeSet<>(((Map<String, Object>) lb.get("depends_on")).keySet()), "the balancer waits for every instance");
        // the instances believe the balancer's X-Forwarded-For and nobody else's: its address is fixed and the one trusted
        String lbAddress = String.valueOf(((Map<String, Map<String, Object>>) lb.get("networks")).get("default").get("ipv4_address"));
        assertEquals(lbAddress, String.valueOf(shared.get("ARBITER_TRUSTED_PROXIES")));
        assertTrue(nginx.contains("proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;"), "nginx appends the address it saw");
    }
}
