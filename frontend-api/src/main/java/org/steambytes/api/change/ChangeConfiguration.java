package org.steambytes.api.change;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.transaction.event.TransactionalEventListener;
import org.steambytes.api.ApiProperties;
import org.steambytes.common.redis.RedisKeys;

@Configuration(proxyBeanMethods = false)
class ChangeConfiguration {

    @Bean
    ChangeBus changeBus(StringRedisTemplate redis, ApiProperties properties) {
        return new ChangeBus(redis, RedisKeys.apiChanges(properties.cacheNamespace()));
    }

    @Bean
    ChangeSubscription changeSubscription(RedisConnectionFactory connections, ChangeBus bus) {
        return new ChangeSubscription(connections, bus);
    }

    @Bean
    ChangePublisher changePublisher(ChangeBus bus) {
        return new ChangePublisher(bus);
    }

    /** Goes out after the write's transaction commits (or at once outside one). */
    static final class ChangePublisher {

        private final ChangeBus bus;

        ChangePublisher(ChangeBus bus) {
            this.bus = bus;
        }

        @TransactionalEventListener(fallbackExecution = true)
        void publish(Change change) {
            bus.publish(change);
        }
    }
}
