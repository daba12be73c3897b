package org.steambytes.api.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class AuditLogSecretsTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @ParameterizedTest
    @ValueSource(strings = {"token", "key", "api_key", "key_hash", "token_hash", "password", "new_password",
            "password_hash", "client_secret", "Password"})
    void secretNames(String name) {
        assertThat(AuditLog.isSecret(name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"token_prefix", "key_prefix", "key_id", "password_changed", "name", "site_ids"})
    void notSecretNames(String name) {
        assertThat(AuditLog.isSecret(name)).isFalse();
    }

    @Test
    void secretsAreDroppedAtAnyDepth() {
        JsonNode tree = JSON.readTree("""
                {"name": "gw", "token": "gw_x", "token_prefix": "gw_x", "nested": {"password_hash": "$2a$", "role": "admin"},
                 "list": [{"key": "sbk_y", "key_id": "1"}]}""");

        AuditLog.withoutSecrets(tree);

        assertThat(tree).isEqualTo(JSON.readTree("""
                {"name": "gw", "token_prefix": "gw_x", "nested": {"role": "admin"}, "list": [{"key_id": "1"}]}"""));
    }
}
