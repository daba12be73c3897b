package org.steambytes.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.steambytes.common.security.SecretHashing;
import org.steambytes.testsupport.Fixtures;

class SecretHashingTests {

    @Test
    void newSecretsAreLongUniqueAndPrefixed() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String secret = SecretHashing.newSecret("gw_");
            assertThat(secret).startsWith("gw_").hasSize(3 + 43).matches("gw_[A-Za-z0-9_-]+");
            assertThat(seen.add(secret)).isTrue();
        }
    }

    @Test
    void hashesAsSha256HexTheWayTestFixturesStoreTokens() {
        assertThat(SecretHashing.sha256Hex("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        String secret = SecretHashing.newSecret("k_");
        assertThat(SecretHashing.sha256Hex(secret)).isEqualTo(Fixtures.sha256Hex(secret));
    }
}
