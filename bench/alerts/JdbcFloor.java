import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The floor the intake cannot beat: the same alert rows, and the same snapshot bytes, inserted and committed straight
 * through JDBC by 16 connections at once, one transaction per alert. Prints the rate and the p50/p95 of each commit.
 * Usage: java -cp postgresql.jar JdbcFloor.java <jdbc-url> <concurrency> <seconds> <snapshot-file>
 */
public class JdbcFloor {

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int clients = Integer.parseInt(args[1]);
        long seconds = Long.parseLong(args[2]);
        byte[] snapshot = Files.readAllBytes(Path.of(args[3]));
        try (Connection c = DriverManager.getConnection(url)) {
            c.createStatement().execute("CREATE TABLE IF NOT EXISTS floor_alert (id BIGSERIAL PRIMARY KEY, external_id VARCHAR(100) UNIQUE, "
                    + "camera_id BIGINT, alert_type VARCHAR(30), detected_at TIMESTAMPTZ, received_at TIMESTAMPTZ, position GEOMETRY(POINT, 4490), "
                    + "confidence DOUBLE PRECISION, screening VARCHAR(20), snapshot BYTEA)");
        }
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<long[]>> results = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < clients; t++) {
            int thread = t;
            results.add(pool.submit(() -> {
                List<Long> latencies = new ArrayList<>();
                try (Connection c = DriverManager.getConnection(url)) {
                    c.setAutoCommit(false);
                    PreparedStatement insert = c.prepareStatement("INSERT INTO floor_alert(external_id, camera_id, alert_type, detected_at, "
                            + "received_at, position, confidence, screening, snapshot) VALUES (?, 1, 'EXCAVATOR', ?, ?, ST_SetSRID(ST_MakePoint(?, ?), 4490), "
                            + "0.9, 'PENDING', ?)");
                    for (int n = 0; running.get(); n++) {
                        long begin = System.nanoTime();
                        insert.setString(1, "FLOOR-" + thread + "-" + n);
                        insert.setTimestamp(2, Timestamp.from(Instant.now()));
                        insert.setTimestamp(3, Timestamp.from(Instant.now()));
                        insert.setDouble(4, 113.5 + n % 100 * 0.001);
                        insert.setDouble(5, 37.9);
                        insert.setBytes(6, snapshot);
                        insert.executeUpdate();
                        c.commit();
                        latencies.add(System.nanoTime() - begin);
                    }
                }
                return latencies.stream().mapToLong(Long::longValue).toArray();
            }));
        }
        Thread.sleep(seconds * 1000);
        running.set(false);
        List<Long> all = new ArrayList<>();
        for (Future<long[]> result : results) {
            for (long l : result.get()) {
                all.add(l);
            }
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        long[] sorted = all.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        System.out.printf("RESULT requests=%d errors=0 seconds=%.2f p50_ms=%.1f p95_ms=%.1f%n", sorted.length, elapsed,
                sorted[sorted.length / 2] / 1e6, sorted[(int) (sorted.length * 0.95)] / 1e6);
    }
}
