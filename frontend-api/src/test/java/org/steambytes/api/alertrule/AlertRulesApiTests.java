package org.steambytes.api.alertrule;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.steambytes.testsupport.Fixtures;
import org.steambytes.testsupport.Fixtures.SiteFixture;
import org.steambytes.testsupport.RealStores;
import org.steambytes.testsupport.ServiceClient;
import org.steambytes.testsupport.ServiceClient.Answer;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AlertRulesApiTests {

    @DynamicPropertySource
    static void realStores(DynamicPropertyRegistry registry) {
        RealStores.register(registry);
    }

    @LocalServerPort
    int port;

    @Test
    void createsTheContractsThresholdRuleAndFillsDefaults() {
        SiteFixture site = Fixtures.boilerHouse();
        String admin = Fixtures.apiKey("admin", false, site.siteId());
        ServiceClient client = new ServiceClient(port);
        String rules = "/api/v1/sites/" + site.siteId() + "/alert-rules";

        Answer created = client.send("POST", rules, """
                {"kind": "threshold", "sensor_id": "b1-steam-pressure", "operator": "above",
                 "limit": 12.0, "deadband": 0.2, "delay_s": 15, "severity": "high"}""", "X-API-Key", admin);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().path("limit").asDouble()).isEqualTo(12.0);
        assertThat(created.json().path("delay_s").asInt()).isEqualTo(15);
        String ruleId = created.json().path("rule_id").asString();

        Answer defaulted = client.send("POST", rules, """
                {"kind": "threshold", "sensor_id": "b1-flue-gas-temp", "operator": "above", "limit": 220,
                 "severity": "medium"}""", "X-API-Key", admin);
        assertThat(defaulted.json().path("deadband").asDouble()).isEqualTo(2.2);
        assertThat(defaulted.json().path("delay_s").asInt()).isEqualTo(60);

        Answer updated = client.send("PUT", rules + "/" + ruleId, """
                {"kind": "threshold", "sensor_id": "b1-steam-pressure", "operator": "above",
                 "limit": 13.0, "severity": "critical"}""", "X-API-Key", admin);
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat(updated.json().path("severity").asString()).isEqualTo("critical");
        assertThat(client.send("GET", rules, null, "X-API-Key", admin).json().path("content")).hasSize(2);
        assertThat(client.send("DELETE", rules + "/" + ruleId, null, "X-API-Key", admin).status()).isEqualTo(204);
        assertThat(client.send("GET", rules + "/" + ruleId, null, "X-API-Key", admin).status()).isEqualTo(404);
    }

    @Test
    void refusesAnInvalidRuleListingEveryField() {
        SiteFixture site = Fixtures.boilerHouse();
        String admin = Fixtures.apiKey("admin", false, site.siteId());
        Answer refused = new ServiceClient(port).send("POST", "/api/v1/sites/" + site.siteId() + "/alert-rules", """
                {"kind": "threshold", "sensor_id": "nope", "operator": "sideways", "severity": "urgent"}""",
                "X-API-Key", admin);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().path("errors")).hasSize(4);
        Answer garbage = new ServiceClient(port).send("POST", "/api/v1/sites/" + site.siteId() + "/alert-rules",
                "{\"limit\": \"high\"}", "X-API-Key", admin);
        assertThat(garbage.status()).isEqualTo(400);
        assertThat(garbage.json().path("errors").get(0).path("field").asString()).isEqualTo("limit");
    }
    @Test
    void storesAnomalyAndEfficiencyDropRulesWithTheirOwnFields() {
        SiteFixture site = Fixtures.boilerHouse();
        String admin = Fixtures.apiKey("admin", false, site.siteId());
        ServiceClient client = new ServiceClient(port);
        String rules = "/api/v1/sites/" + site.siteId() + "/alert-rules";

        Answer minimal = client.send("POST", rules, """
                {"kind": "anomaly", "sensor_id": "b1-steam-pressure", "severity": "medium"}""", "X-API-Key", admin);
        assertThat(minimal.status()).as(minimal.body()).isEqualTo(201);
        assertThat(minimal.json().path("detector").isNull()).isTrue();
        Answer anomaly = client.send("PUT", rules + "/" + minimal.json().path("rule_id").asString(), """
                {"kind": "anomaly", "sensor_id": "b1-steam-pressure", "severity": "high", "detector": "ewma",
                 "clear_after_s": 600}""", "X-API-Key", admin);
        assertThat(anomaly.status()).as(anomaly.body()).isEqualTo(200);
        assertThat(anomaly.json().path("detector").asString()).isEqualTo("ewma");
        assertThat(anomaly.json().path("clear_after_s").asInt()).isEqualTo(600);

        Answer drop = client.send("POST", rules, """
                {"kind": "efficiency_drop", "floor_pct": 80, "limit": 3, "method": "direct", "severity": "low"}""",
                "X-API-Key", admin);
        assertThat(drop.status()).as(drop.body()).isEqualTo(201);
        assertThat(drop.json().path("floor_pct").asDouble()).isEqualTo(80.0);
        assertThat(drop.json().path("method").asString()).isEqualTo("direct");
        assertThat(drop.json().path("sensor_id").isNull()).isTrue();
        assertThat(Fixtures.countText("SELECT detector || '|' || clear_after_s FROM alert_rules WHERE rule_id = '"
                + anomaly.json().path("rule_id").asString() + "'")).isEqualTo("ewma|600");
        assertThat(Fixtures.countText("SELECT floor_pct || '|' || limit_value || '|' || method FROM alert_rules"
                + " WHERE rule_id = '" + drop.json().path("rule_id").asString() + "'")).isEqualTo("80|3|direct");

        Answer refused = client.send("POST", rules, """
                {"kind": "efficiency_drop", "sensor_id": "b1-o2", "floor_pct": 120, "detector": "zscore", "severity": "low"}""",
                "X-API-Key", admin);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().path("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("sensor_id", "floor_pct", "detector");
    }
}
