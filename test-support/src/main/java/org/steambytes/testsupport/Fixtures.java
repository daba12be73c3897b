package org.steambytes.testsupport;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * Sites, sensors and gateways written straight into the run's real database, as frontend-api would
 * create them. Every site gets a unique slug so tests never see each other's data.
 */
public final class Fixtures {

    private static final SecureRandom RANDOM = new SecureRandom();

    public record SensorFixture(String sensorId, String sensorType, String unit, double minValid, double maxValid) {
    }

    public record SiteFixture(String siteId, List<SensorFixture> sensors, UUID gatewayId, String gatewayToken) {

        public SensorFixture sensor(String sensorId) {
            return sensors.stream().filter(s -> s.sensorId().equals(sensorId)).findFirst().orElseThrow();
        }
    }

    public static final SensorFixture STEAM_PRESSURE =
            new SensorFixture("b1-steam-pressure", "steam_pressure", "bar", -1, 250);
    public static final SensorFixture FLUE_GAS_TEMPERATURE =
            new SensorFixture("b1-flue-gas-temp", "flue_gas_temperature", "°C", -50, 1000);
    public static final SensorFixture FLUE_GAS_O2 = new SensorFixture("b1-o2", "flue_gas_o2", "%", 0, 21);

    private Fixtures() {
    }

    /** A site with steam pressure, flue-gas temperature and O2 sensors and one gateway. */
    public static SiteFixture boilerHouse() {
        RealStores.migrateRunDatabase();
        String siteId = "plant-" + UUID.randomUUID().toString().substring(0, 13);
        List<SensorFixture> sensors = List.of(STEAM_PRESSURE, FLUE_GAS_TEMPERATURE, FLUE_GAS_O2);
        try (Connection connection = RealStores.connect()) {
            try (PreparedStatement site = connection.prepareStatement(
                    "INSERT INTO sites (site_id, name, timezone, notification_emails) VALUES (?, ?, 'Europe/Berlin', ?)")) {
                site.setString(1, siteId);
                site.setString(2, "Boiler house " + siteId);
                site.setArray(3, connection.createArrayOf("text", new String[] {"oncall@example.com"}));
                site.executeUpdate();
            }
            for (SensorFixture sensor : sensors) {
                addSensor(connection, siteId, sensor);
            }
            UUID gatewayId = UUID.randomUUID();
            String token = addGateway(connection, siteId, gatewayId);
            return new SiteFixture(siteId, sensors, gatewayId, token);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create fixture site", e);
        }
    }

    public static void addSensor(String siteId, SensorFixture sensor) {
        try (Connection connection = RealStores.connect()) {
            addSensor(connection, siteId, sensor);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A second gateway for the site; returns its token. */
    public static String addGateway(String siteId) {
        try (Connection connection = RealStores.connect()) {
            return addGateway(connection, siteId, UUID.randomUUID());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An API key of the given role ("reader" or "admin") for all sites or the listed ones; returns the key. */
    public static String apiKey(String role, boolean allSites, String... siteIds) {
        RealStores.migrateRunDatabase();
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String key = "sbk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        UUID keyId = UUID.randomUUID();
        try (Connection connection = RealStores.connect()) {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO api_keys (key_id, name, key_hash, "
                    + "key_prefix, role, all_sites) VALUES (?, ?, ?, ?, ?, ?)")) {
                insert.setObject(1, keyId);
                insert.setString(2, "test " + role);
                insert.setString(3, sha256Hex(key));
                insert.setString(4, key.substring(0, 8));
                insert.setString(5, role);
                insert.setBoolean(6, allSites);
                insert.executeUpdate();
            }
            for (String siteId : siteIds) {
                try (PreparedStatement scope = connection.prepareStatement(
                        "INSERT INTO api_key_site_access (key_id, site_id) VALUES (?, ?)")) {
                    scope.setObject(1, keyId);
                    scope.setString(2, siteId);
                    scope.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return key;
    }

    /** A dashboard user limited to the given sites (its password hash is a placeholder nobody can log in with). */
    public static void user(String username, String role, String... siteIds) {
        RealStores.migrateRunDatabase();
        execute("INSERT INTO users (username, password_hash, role) VALUES ('" + username + "', '{noop}-', '" + role + "')");
        for (String siteId : siteIds) {
            execute("INSERT INTO user_site_access (username, site_id) VALUES ('" + username + "', '" + siteId + "')");
        }
    }

    public static void revokeGateway(UUID gatewayId) {
        execute("UPDATE gateways SET revoked_at = now() WHERE gateway_id = '" + gatewayId + "'");
    }

    public static void execute(String sql) {
        try (Connection connection = RealStores.connect(); var statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static long count(String sql) {
        try (Connection connection = RealStores.connect(); var statement = connection.createStatement();
             var rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The single text value of a query. */
    public static String countText(String sql) {
        try (Connection connection = RealStores.connect(); var statement = connection.createStatement();
             var rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void addSensor(Connection connection, String siteId, SensorFixture sensor) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO sensors (site_id, sensor_id, "
                + "sensor_type, unit, min_valid, max_valid, expected_interval_s) VALUES (?, ?, ?, ?, ?, ?, 10)")) {
            insert.setString(1, siteId);
            insert.setString(2, sensor.sensorId());
            insert.setString(3, sensor.sensorType());
            insert.setString(4, sensor.unit());
            insert.setDouble(5, sensor.minValid());
            insert.setDouble(6, sensor.maxValid());
            insert.executeUpdate();
        }
    }

    private static String addGateway(Connection connection, String siteId, UUID gatewayId) throws SQLException {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = "gw_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO gateways (gateway_id, site_id, name, "
                + "token_hash, token_prefix) VALUES (?, ?, ?, ?, ?)")) {
            insert.setObject(1, gatewayId);
            insert.setString(2, siteId);
            insert.setString(3, "gw-" + gatewayId.toString().substring(0, 8));
            insert.setString(4, sha256Hex(token));
            insert.setString(5, token.substring(0, 8));
            insert.executeUpdate();
        }
        return token;
    }

    /** The same hashing as common's SecretHashing (test-support cannot depend on common: common's tests use it). */
    public static String sha256Hex(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
