package chainkg.neo4j;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;

import inet.ipaddr.IPAddressString;

/**
 * Runs an embedded Neo4j Community DBMS with only the Bolt connector, so chainkg can use a real
 * Neo4j (auth, Cypher, full-text indexes) on machines without Docker or a Neo4j install.
 *
 * <pre>
 * java [jvm flags] -cp target/classes:target/lib/* chainkg.neo4j.Launcher \
 *      --data DIR [--port N] [--ready-file FILE]
 * </pre>
 *
 * The password of user {@code neo4j} comes from env {@code NEO4J_PASSWORD} (default
 * {@code chainkg-local}). The Bolt URI is printed and written to the ready file only once the
 * server accepts connections, so callers can simply wait for that file.
 *
 * <p>chainkg never uses {@code LOAD CSV}, so the server refuses to let a query read the host: no
 * {@code file:} URLs at all, an empty import directory of its own, and no URL on loopback, link-local
 * or private networks (the Cypher console checks plans too; this holds for every session).
 */
public final class Launcher {
    private static final String HOST = "127.0.0.1";
    private static final String DEFAULT_PASSWORD = "chainkg-local";
    /** Networks LOAD CSV may not fetch from: this host and the networks around it. */
    private static final List<String> BLOCKED_NETWORKS = List.of(
            "0.0.0.0/8", "127.0.0.0/8", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "169.254.0.0/16",
            "100.64.0.0/10", "::/128", "::1/128", "fc00::/7", "fe80::/10", "::ffff:0:0/96");

    public static void main(String[] args) throws Exception {
        Path data = null;
        Path readyFile = null;
        int port = 0;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--data" -> data = Path.of(require(args[i], value));
                case "--port" -> port = Integer.parseInt(require(args[i], value));
                case "--ready-file" -> readyFile = Path.of(require(args[i], value));
                default -> usage("unknown argument: " + args[i]);
            }
            i++;
        }
        if (data == null) {
            usage("--data is required");
        }
        String password = System.getenv().getOrDefault("NEO4J_PASSWORD", DEFAULT_PASSWORD);
        if (port == 0) {
            port = freePort();
        }

        // An empty folder of the server's own: even with file URLs refused, no import root points at the host.
        Path importDir = Files.createDirectories(data.toAbsolutePath().resolve("import-disabled"));

        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(data.toAbsolutePath())
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress(HOST, port))
                .setConfig(HttpConnector.enabled, false)
                .setConfig(HttpsConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                // LOAD CSV: no file: URLs, an empty import root, no fetching from local or private networks.
                .setConfig(GraphDatabaseSettings.allow_file_urls, false)
                .setConfig(GraphDatabaseSettings.load_csv_file_url_root, importDir)
                .setConfig(GraphDatabaseInternalSettings.cypher_ip_blocklist,
                        BLOCKED_NETWORKS.stream().map(IPAddressString::new).toList())
                // -Dchainkg.pagecache.mb=N (JVM flag) sizes the page cache for big loads; 256 MiB suits tests.
                .setConfig(GraphDatabaseSettings.pagecache_memory,
                        ByteUnit.mebiBytes(Long.getLong("chainkg.pagecache.mb", 256L)))
                // Netty's default 5 s quiet period (paid twice) made every stop take ~10 s.
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                .build();

        // Only a clean shutdown leaves the store ready for the next start on the same data.
        CountDownLatch stopped = new CountDownLatch(1);
        Path ready = readyFile;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                dbms.shutdown();
            } finally {
                deleteQuietly(ready);
                stopped.countDown();
            }
        }, "neo4j-shutdown"));

        try {
            setPassword(dbms, password);
            waitForBolt(port);
        } catch (Exception e) {
            // Neo4j's own threads would keep the JVM alive; exit so the caller sees the failure.
            e.printStackTrace();
            System.exit(1);
        }

        String uri = "bolt://" + HOST + ":" + port;
        if (readyFile != null) {
            // Write then rename, so a reader never sees a half-written URI.
            Path tmp = readyFile.resolveSibling(readyFile.getFileName() + ".tmp");
            Files.writeString(tmp, uri + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, readyFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        System.out.println(uri);
        System.out.flush();
        stopped.await();
    }

    /**
     * Community embedded has no neo4j-admin step, so the password is set through the system
     * database on every start: that covers the first start (default password, change required)
     * and a later start with a different NEO4J_PASSWORD.
     */
    private static void setPassword(DatabaseManagementService dbms, String password) {
        String escaped = password.replace("\\", "\\\\").replace("'", "\\'");
        try {
            dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME).executeTransactionally(
                    "ALTER USER neo4j SET PASSWORD '" + escaped + "' CHANGE NOT REQUIRED");
        } catch (RuntimeException e) {
            // Neo4j refuses to "change" a password to the one already set; that is the normal
            // case on a restart with the same data and password.
            if (!String.valueOf(e.getMessage()).contains("cannot be the same")) {
                throw e;
            }
        }
    }

    /** Blocks until the Bolt port accepts TCP connections (it normally already does). */
    private static void waitForBolt(int port) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (true) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(HOST, port), 1000);
                return;
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Bolt did not open on port " + port, e);
                }
                Thread.sleep(100);
            }
        }
    }

    /** Lets the OS pick a free port; there is a tiny race until Neo4j binds it, fine locally. */
    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        }
    }

    private static String require(String flag, String value) {
        if (value == null) {
            usage(flag + " needs a value");
        }
        return value;
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // best effort: the Python side removes it too
            }
        }
    }

    private static void usage(String problem) {
        System.err.println(problem);
        System.err.println("usage: Launcher --data DIR [--port N] [--ready-file FILE]");
        System.exit(2);
    }
}
