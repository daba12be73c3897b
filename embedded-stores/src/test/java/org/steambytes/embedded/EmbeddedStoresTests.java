package org.steambytes.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.StreamEntryID;

/** The embedded stores (docs/ARCHITECTURE.md §6), each on a free port under a temporary data directory. */
class EmbeddedStoresTests {

    @TempDir
    Path dataDir;

    @Test
    void startsPostgres14Redis62AndTheMailCatcherAndWritesTheirEndpoints() throws Exception {
        try (EmbeddedStores stores = EmbeddedStores.start(EmbeddedSettings.onFreePorts(dataDir))) {
            assertThat(Files.readString(stores.envFile())).contains(
                    "POSTGRES_HOST=127.0.0.1", "POSTGRES_PORT=" + stores.postgresPort(),
                    "REDIS_URL=redis://127.0.0.1:" + stores.redisPort(), "SMTP_PORT=" + stores.smtpPort(),
                    "MAIL_CATCHER_URL=" + stores.mailCatcherUrl(), "READINGS_STORE=postgres");
            try (Connection connection = connect(stores); Statement statement = connection.createStatement();
                 ResultSet version = statement.executeQuery("SHOW server_version_num")) {
                version.next();
                assertThat(version.getInt(1) / 10_000).isEqualTo(14);
            }
            try (Jedis redis = new Jedis("127.0.0.1", stores.redisPort())) {
                assertThat(redis.info("server")).contains("redis_version:6.2");
            }
        }
        assertThat(dataDir.resolve("embedded.env")).doesNotExist();
    }

    @Test
    void listsCaughtMailAsJson() throws Exception {
        try (EmbeddedStores stores = EmbeddedStores.start(EmbeddedSettings.onFreePorts(dataDir))) {
            send(stores.smtpPort(), "Boiler b1: steam pressure high", "Pressure 17.2 bar \"above\" 16 bar\nsee plant-a");

            String json = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(stores.mailCatcherUrl() + "/mail")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();

            assertThat(json).startsWith("[{").contains(
                    "\"from\":\"steambytes-alerts@localhost\"",
                    "\"to\":[\"oncall@plant-a.example\",\"boss@plant-a.example\"]",
                    "\"subject\":\"Boiler b1: steam pressure high\"",
                    "\"text\":\"Pressure 17.2 bar \\\"above\\\" 16 bar\\nsee plant-a",
                    "\"received_at\":\"");
            assertThat(json.split("\"message_id\"")).as("one entry for two recipients").hasSize(2);
        }
    }

    @Test
    void keepsDataAcrossARestart() throws Exception {
        EmbeddedSettings settings = EmbeddedSettings.onFreePorts(dataDir);
        try (EmbeddedStores stores = EmbeddedStores.start(settings)) {
            try (Connection connection = connect(stores); Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE kept (id int PRIMARY KEY)");
                statement.execute("INSERT INTO kept VALUES (42)");
            }
            try (Jedis redis = new Jedis("127.0.0.1", stores.redisPort())) {
                redis.xadd("kept-stream", StreamEntryID.NEW_ENTRY, Map.of("a", "1"));
            }
        }
        try (EmbeddedStores stores = EmbeddedStores.start(settings)) {
            assertKept(stores);
        }
    }

    /** A kill -9 leaves PostgreSQL and Redis running as orphans; the next start stops them and goes on. */
    @Test
    void startsCleanlyAfterItsPredecessorWasKilled() throws Exception {
        EmbeddedSettings settings = EmbeddedSettings.onFreePorts(dataDir);
        Process predecessor = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), EmbeddedStores.class.getName())
                .redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("predecessor.log").toFile())
                .directory(dataDir.toFile())
                .start();
        try {
            Path envFile = dataDir.resolve("data").resolve("embedded.env");
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!Files.exists(envFile) && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(envFile).as("the predecessor started").exists();
            List<String> endpoints = Files.readAllLines(envFile);
            int postgresPort = Integer.parseInt(value(endpoints, "POSTGRES_PORT"));
            try (Connection connection = DriverManager.getConnection(
                    "jdbc:postgresql://127.0.0.1:" + postgresPort + "/steambytes_core", "steambytes", "steambytes");
                 Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE kept (id int PRIMARY KEY)");
                statement.execute("INSERT INTO kept VALUES (42)");
            }
            String redisUrl = value(endpoints, "REDIS_URL");
            try (Jedis redis = new Jedis("127.0.0.1", Integer.parseInt(redisUrl.substring(redisUrl.lastIndexOf(':') + 1)))) {
                redis.xadd("kept-stream", StreamEntryID.NEW_ENTRY, Map.of("a", "1"));
                redis.save(); // Redis itself was not killed; its everysec fsync is not under test here
            }
        } finally {
            predecessor.destroyForcibly().waitFor(); // SIGKILL: its PostgreSQL and Redis keep running
        }

        EmbeddedSettings successor = new EmbeddedSettings(dataDir.resolve("data"), Ports.free(), Ports.free(),
                Ports.free(), Ports.free(), "steambytes_core", "steambytes", "steambytes");
        try (EmbeddedStores stores = EmbeddedStores.start(successor)) {
            assertKept(stores);
        }
    }

    private static void assertKept(EmbeddedStores stores) throws Exception {
        try (Connection connection = connect(stores); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT id FROM kept")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getInt(1)).isEqualTo(42);
        }
        try (Jedis redis = new Jedis("127.0.0.1", stores.redisPort())) {
            assertThat(redis.xlen("kept-stream")).isEqualTo(1);
        }
    }

    private static String value(List<String> envLines, String name) {
        return envLines.stream().filter(line -> line.startsWith(name + "=")).findFirst().orElseThrow()
                .substring(name.length() + 1);
    }

    private static Connection connect(EmbeddedStores stores) throws Exception {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + stores.postgresPort() + "/steambytes_core",
                "steambytes", "steambytes");
    }

    private static void send(int smtpPort, String subject, String text) throws Exception {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", Integer.toString(smtpPort));
        MimeMessage message = new MimeMessage(Session.getInstance(properties));
        message.setFrom(new InternetAddress("steambytes-alerts@localhost"));
        message.setRecipients(Message.RecipientType.TO, "oncall@plant-a.example, boss@plant-a.example");
        message.setSubject(subject);
        message.setText(text);
        Transport.send(message);
    }
}
