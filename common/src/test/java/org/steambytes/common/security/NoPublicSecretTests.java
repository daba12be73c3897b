package org.steambytes.common.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * The settings every service imports carry no secret: with no variable set, the internal token
 * resolves to nothing (and the services refuse to start, ServiceHealthContract shows it), so a default
 * install cannot be entered with a string published in this repository.
 */
class NoPublicSecretTests {

    @Test
    void theSharedSettingsGiveTheInternalTokenNoDefault() throws IOException {
        List<PropertySource<?>> loaded = new YamlPropertySourceLoader()
                .load("steambytes-common", new ClassPathResource("steambytes-common.yml"));
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        loaded.forEach(source -> environment.getPropertySources().addLast(source));

        assertThat(environment.getProperty("steambytes.internal.token")).isEmpty();
        assertThat(environment.getProperty("steambytes.influx.token")).isEmpty();
        assertThat(loaded.get(0).getProperty("steambytes.internal.token")).hasToString("${STEAMBYTES_INTERNAL_TOKEN:}");
    }
}
