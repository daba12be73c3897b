package org.steambytes.api.change;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.util.backoff.FixedBackOff;
import org.steambytes.api.ApiProperties;
import org.steambytes.common.redis.RedisKeys;

@Configuration(proxyBeanMethods = false)
class ChangeConfiguration {

    @Bean
    ChangeBus changeBus(StringRedisTemplate redis, ApiProperties properties) {
        return new ChangeBus(redis, RedisKeys.apiChanges(properties.cacheNamespace()));
    }

    @Bean
    RedisMessageListenerContainer changeListener(RedisConnectionFactory connections, ChangeBus bus) {
        RedisMessageListenerContainer container = new RedisMessageListenerContainer();
        container.setConnectionFactory(connections);
        container.addMessageListener(bus, new ChannelTopic(bus.channel()));
        // Resubscribe soon after Redis comes back; until then the caches load afresh.
        container.setRecoveryBackoff(new FixedBackOff(500, FixedBackOff.UNLIMITED_ATTEMPTS));
        return container;
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
