package org.steambytes.common.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/** Clients of another service's {@code /internal/**} API: Bearer internal token, short connect timeout. */
public final class InternalRestClients {

    private InternalRestClients() {
    }

    public static RestClient to(URI baseUrl, InternalApiSettings internal, Duration readTimeout) {
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build());
        requests.setReadTimeout(readTimeout);
        return RestClient.builder()
                .baseUrl(baseUrl.toString())
                .requestFactory(requests)
                .defaultHeader("Authorization", "Bearer " + internal.token())
                .build();
    }
}
