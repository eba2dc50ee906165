package io.arbiter.intake;

import io.micronaut.context.ApplicationContext;
import io.micronaut.jdbc.DataSourceResolver;

import javax.sql.DataSource;
import java.sql.Connection;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs a race against the embedded H2 database (the demo's), in an application context of its own. */
final class OnEmbeddedH2 {

    interface Race {
        void run(ImportService service, DataSource dataSource) throws Exception;
    }

    private OnEmbeddedH2() {
    }

    static void run(String databaseName, Race race) throws Exception {
        Map<String, Object> h2 = Map.of(
                "datasources.default.url", "jdbc:h2:mem:" + databaseName + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;"
                        + "CASE_INSENSITIVE_IDENTIFIERS=TRUE;NON_KEYWORDS=VALUE;DB_CLOSE_DELAY=-1",
                "datasources.default.username", "sa",
                "datasources.default.password", "",
                "datasources.default.driver-class-name", "org.h2.Driver");
        try (ApplicationContext ctx = ApplicationContext.run(h2, "test")) {
            DataSource h2Source = ctx.getBean(DataSourceResolver.class).resolve(ctx.getBean(DataSource.class));
            try (Connection c = h2Source.getConnection()) {
                assertTrue(c.getMetaData().getURL().startsWith("jdbc:h2:"), c.getMetaData().getURL());
            }
            race.run(ctx.getBean(ImportService.class), h2Source);
        }
    }
}
