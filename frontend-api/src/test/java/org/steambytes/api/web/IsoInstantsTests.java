package org.steambytes.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import org.steambytes.testsupport.RealStores;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.ser.BeanPropertyWriter;
import tools.jackson.databind.ser.bean.BeanSerializerBase;

/**
 * The application's JSON writes every {@link Instant} exactly as Jackson's own serializer does
 * ({@link Instant#toString()}), through the faster writer: edge cases and a million random instants.
 */
@SpringBootTest
class IsoInstantsTests {

    private static final JsonMapper STOCK = JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();

    @DynamicPropertySource
    static void realStores(DynamicPropertyRegistry registry) {
        RealStores.register(registry);
    }

    @Autowired
    JsonMapper json;

    @Autowired
    RequestMappingHandlerAdapter handlerAdapter;

    record Stamped(Instant openedAt, List<Instant> seenAt) {
    }

    record Formatted(@JsonFormat(pattern = "yyyy-MM-dd", timezone = "UTC") Instant day,
            @JsonFormat(shape = JsonFormat.Shape.NUMBER) Instant epochSeconds) {
    }

    @Test
    void everyInstantIsWrittenAsJacksonsOwnSerializerWritesIt() {
        List<Instant> instants = new ArrayList<>(edges());
        SplittableRandom random = new SplittableRandom(14);
        for (int i = 0; i < 1_000_000; i++) {
            long seconds = switch (i % 3) {
                case 0 -> random.nextLong(Instant.MIN.getEpochSecond(), Instant.MAX.getEpochSecond() + 1);
                case 1 -> random.nextLong(IsoInstants.FIRST_FOUR_DIGIT_SECOND - 86_400L * 800,
                        IsoInstants.LAST_FOUR_DIGIT_SECOND + 86_400L * 800);
                default -> random.nextLong(1_700_000_000L, 1_900_000_000L);
            };
            int nano = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            instants.add(Instant.ofEpochSecond(seconds, nano));
        }
        for (Instant instant : instants) {
            assertThat(IsoInstants.format(instant)).as("%s s %s ns", instant.getEpochSecond(), instant.getNano())
                    .isEqualTo(instant.toString());
        }
        for (Instant instant : instants.subList(0, 20_000)) {
            assertThat(json.writeValueAsString(instant)).isEqualTo(STOCK.writeValueAsString(instant));
        }
    }

    @Test
    void theApplicationsJsonAndItsMessageConverterUseTheFasterWriter() {
        assertThat(json._serializationContext().findValueSerializer(Instant.class)).isInstanceOf(IsoInstants.Writer.class);
        BeanSerializerBase bean = (BeanSerializerBase) json._serializationContext().findValueSerializer(Stamped.class);
        bean.properties().forEachRemaining(property -> {
            if (property.getName().equals("opened_at")) {
                assertThat(((BeanPropertyWriter) property).getSerializer()).as("a property's own copy")
                        .isInstanceOf(IsoInstants.Writer.class);
            }
        });
        Formatted formatted = new Formatted(Instant.parse("2026-12-07T05:42:00.120Z"), Instant.parse("2026-12-07T05:42:00Z"));
        assertThat(json.writeValueAsString(formatted)).as("@JsonFormat still Jackson's")
                .isEqualTo(STOCK.writeValueAsString(formatted)).isEqualTo("{\"day\":\"2026-12-07\",\"epoch_seconds\":1796622120.000000000}");
        Stamped stamped = new Stamped(Instant.parse("2026-12-07T05:42:00.120Z"),
                List.of(Instant.parse("0000-01-01T00:00:00Z"), Instant.parse("+10000-01-01T00:00:00.000001Z")));
        assertThat(json.writeValueAsString(stamped)).isEqualTo("{\"opened_at\":\"2026-12-07T05:42:00.120Z\","
                + "\"seen_at\":[\"0000-01-01T00:00:00Z\",\"+10000-01-01T00:00:00.000001Z\"]}");

        JsonMapper converters = null;
        for (HttpMessageConverter<?> converter : handlerAdapter.getMessageConverters()) {
            if (converter instanceof JacksonJsonHttpMessageConverter jackson) {
                converters = (JsonMapper) jackson.getMapper();
                break;
            }
        }
        assertThat(converters).as("the answers' JSON mapper").isSameAs(json);
    }

    private static List<Instant> edges() {
        List<Instant> edges = new ArrayList<>(List.of(Instant.EPOCH, Instant.MIN, Instant.MAX,
                Instant.ofEpochSecond(-1), Instant.ofEpochSecond(-1, 999_999_999), Instant.ofEpochSecond(0, 1)));
        for (long second : new long[] {IsoInstants.FIRST_FOUR_DIGIT_SECOND, IsoInstants.LAST_FOUR_DIGIT_SECOND}) {
            for (long delta = -2; delta <= 2; delta++) {
                for (int nano : new int[] {0, 1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000,
                        999_999_999, 999_000_000, 999_999_000, 120_000_000, 123_400_000, 123_456_000, 123_456_700}) {
                    edges.add(Instant.ofEpochSecond(second + delta, nano));
                }
            }
        }
        for (String text : new String[] {"0000-02-29T00:00:00", "0001-01-01T00:00:00", "0999-12-31T23:59:59",
                "1000-01-01T00:00:00", "1900-02-28T23:59:59", "1900-03-01T00:00:00", "2000-02-29T12:00:00",
                "2024-02-29T00:00:00", "2100-03-01T00:00:00", "9999-12-31T00:00:00", "1969-12-31T23:59:00"}) {
            Instant at = LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            edges.add(at);
            edges.add(at.plusMillis(7));
            edges.add(at.plus(7, ChronoUnit.MICROS));
            edges.add(at.plusNanos(7));
        }
        return edges;
    }
}
