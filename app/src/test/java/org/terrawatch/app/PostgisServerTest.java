package org.terrawatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.terrawatch.store.StoreType;
import org.terrawatch.store.testing.TestStores;
import tools.jackson.databind.JsonNode;

/** The server on PostGIS: the {@code postgis} profile with a JDBC URL, schema migrated, no demo in production. */
class PostgisServerTest {

    @Test
    void thePostgisProfileRunsOnPostgisWithoutTheDemo(@TempDir Path folder) throws Exception {
        Path dataDir = RunningServer.dataDirectoryFromRepository(folder);
        String url = TestStores.freshDatabase(StoreType.POSTGIS).jdbcUrl();
        try (RunningServer server = RunningServer.start(dataDir, "--spring.profiles.active=postgis",
                "--terrawatch.store.url=" + url, "--terrawatch.store.username=")) {
            JsonNode health = server.getJson("/actuator/health");
            assertThat(health.path("status").asString()).isEqualTo("UP");
            assertThat(health.at("/components/store/details/type").asString()).isEqualTo("PostGIS");
            assertThat(health.at("/components/store/details/version").asString()).contains("PostgreSQL 15").contains("PostGIS 3");

            JsonNode summary = server.getJson("/api/summary");
            assertThat(summary.path("store").asString()).isEqualTo("PostGIS");
            assertThat(summary.path("departments").asLong()).isEqualTo(24);
            assertThat(summary.path("patches").asLong()).isZero();
        }
    }
}
