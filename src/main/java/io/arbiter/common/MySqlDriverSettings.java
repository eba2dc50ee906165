package io.arbiter.common;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Connector/J settings that take round trips off every request on MySQL and MariaDB ({@code jdbc:mysql:} URLs); the
 * embedded H2 database gets none of them (it rejects unknown settings). A setting already in the JDBC URL or in
 * {@code datasources.*.data-source-properties} is left as the operator wrote it.
 *
 * <p>Why each: by default the driver asks the server for state it set itself and sends every
 * {@code SET autocommit}/{@code SET SESSION TRANSACTION READ ONLY} even when nothing changes — measured on the work
 * queue at 50 clients (docs/performance-queue.md), transaction control was nearly half of each request's time. A
 * read-only transaction stays read-only in the application (Micronaut Data refuses nothing, so this is a promise the
 * code keeps, as it did before: the database account may write either way); the server is simply no longer told.
 */
@Singleton
public class MySqlDriverSettings implements BeanCreatedEventListener<DatasourceConfiguration> {

    /** The settings and their values, as Connector/J 9 names them. */
    public static final Map<String, String> SETTINGS = settings();

    private static Map<String, String> settings() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("useLocalSessionState", "true");        // autocommit, isolation, read-only answered from the driver's own record
        s.put("useLocalTransactionState", "true");    // commit/rollback sent only when the server says a transaction is open
        s.put("elideSetAutoCommits", "true");         // SET autocommit only when it changes
        s.put("readOnlyPropagatesToServer", "false"); // no SET SESSION TRANSACTION READ ONLY/WRITE around read-only transactions
        s.put("cachePrepStmts", "true");              // parse each statement's text once per connection
        s.put("prepStmtCacheSize", "250");
        s.put("prepStmtCacheSqlLimit", "2048");
        s.put("cacheServerConfiguration", "true");    // a new pool connection does not re-read the server's variables
        s.put("maintainTimeStats", "false");
        return Map.copyOf(s);
    }

    @Override
    public DatasourceConfiguration onCreated(BeanCreatedEvent<DatasourceConfiguration> event) {
        DatasourceConfiguration config = event.getBean();
        apply(config);
        return config;
    }

    /** Adds the settings the URL and the configured properties do not already have; nothing for a non-MySQL URL. */
    public static void apply(DatasourceConfiguration config) {
        String url = config.getUrl();
        if (url == null || !url.startsWith("jdbc:mysql:")) {
            return;
        }
        String query = url.indexOf('?') < 0 ? "" : url.substring(url.indexOf('?') + 1).toLowerCase(Locale.ROOT);
        SETTINGS.forEach((key, value) -> {
            boolean inUrl = ("&" + query).contains("&" + key.toLowerCase(Locale.ROOT) + "=");
            if (!inUrl && !config.getDataSourceProperties().containsKey(key)) {
                config.addDataSourceProperty(key, value);
            }
        });
    }
}
