package io.arbiter.common;

import com.mysql.cj.conf.PropertyKey;
import com.mysql.cj.jdbc.JdbcConnection;
import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Connector/J settings that take transaction-control round trips off each request (docs/performance-queue.md). */
@MicronautTest(transactional = false)
class MySqlDriverSettingsTest {

    @Inject Jdbc jdbc;

    @Test
    void theApplicationsPoolConnectionsToMariaDbCarryThem() throws Exception {
        try (Connection c = jdbc.connection()) {
            var props = c.unwrap(JdbcConnection.class).getPropertySet();
            assertTrue(props.getBooleanProperty(PropertyKey.useLocalSessionState).getValue());
            assertTrue(props.getBooleanProperty(PropertyKey.useLocalTransactionState).getValue());
            assertTrue(props.getBooleanProperty(PropertyKey.elideSetAutoCommits).getValue());
            assertFalse(props.getBooleanProperty(PropertyKey.readOnlyPropagatesToServer).getValue());
            assertTrue(props.getBooleanProperty(PropertyKey.cachePrepStmts).getValue());
            // and the URL's own settings are still there
            assertEquals("UTC", props.getStringProperty(PropertyKey.connectionTimeZone).getValue());
        }
    }

    @Test
    void aSettingTheOperatorWroteWinsAndH2GetsNone() {
        DatasourceConfiguration mysql = new DatasourceConfiguration("default");
        mysql.setUrl("jdbc:mysql://db:3306/arbiter?sslMode=REQUIRED&cachePrepStmts=false");
        mysql.addDataSourceProperty("prepStmtCacheSize", "50");
        MySqlDriverSettings.apply(mysql);
        assertEquals(null, mysql.getDataSourceProperties().get("cachePrepStmts"), "set in the URL: left to it");
        assertEquals("50", mysql.getDataSourceProperties().get("prepStmtCacheSize"), "configured: kept");
        assertEquals("true", mysql.getDataSourceProperties().get("useLocalSessionState"));

        DatasourceConfiguration h2 = new DatasourceConfiguration("default");
        h2.setUrl("jdbc:h2:file:./data/arbiter;MODE=MySQL");
        MySqlDriverSettings.apply(h2);
        assertTrue(h2.getDataSourceProperties().isEmpty(), "H2 rejects settings it does not know");
    }
}
