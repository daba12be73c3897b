package org.steambytes.common.problem;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

class ProblemDetailsAdviceTests {

    record Batch(@NotBlank String site, @Valid List<Item> items) {
    }

    record Item(@NotBlank String sensor, @Positive double value) {
    }

    @RestController
    static class BoilerController {

        @PostMapping("/batches")
        String accept(@Valid @RequestBody Batch batch) {
            return "ok";
        }

        @GetMapping("/pages")
        String page(@RequestParam int page) {
            return "page " + page;
        }

        @GetMapping("/explode")
        String explode() {
            throw new IllegalStateException("connection string postgres://secret@db");
        }

        @GetMapping("/full")
        String full() {
            throw ProblemException.of(HttpStatus.SERVICE_UNAVAILABLE, "spool_full", "The spool is full.")
                    .withHeader("Retry-After", "5");
        }
    }

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new BoilerController())
            .setControllerAdvice(new ProblemDetailsAdvice())
            .build();

    @Test
    void namesTheFieldOfAStringWhereANumberBelongs() throws Exception {
        mvc.perform(post("/batches").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"site\":\"plant-a\",\"items\":[{\"sensor\":\"p\",\"value\":\"high\"}]}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("unreadable_body"))
                .andExpect(jsonPath("$.type").value("urn:steambytes:problem:unreadable_body"))
                .andExpect(jsonPath("$.errors[0].field").value("items[0].value"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("number")));
    }

    @Test
    void answersMalformedJsonWith400() throws Exception {
        mvc.perform(post("/batches").contentType(MediaType.APPLICATION_JSON).content("{\"site\": NaN"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.detail").value(containsString("malformed JSON")));
    }

    @Test
    void listsEveryInvalidFieldWith422() throws Exception {
        mvc.perform(post("/batches").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"site\":\"\",\"items\":[{\"sensor\":\"p\",\"value\":-1}]}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("validation_failed"))
                .andExpect(jsonPath("$.errors.length()").value(2))
                .andExpect(jsonPath("$.errors[?(@.field == 'site')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'items[0].value')]").exists());
    }

    @Test
    void namesFieldsInSnakeCaseAsTheJsonHasThem() {
        org.assertj.core.api.Assertions.assertThat(ProblemDetailsAdvice.snakeCase("notificationEmails[2]"))
                .isEqualTo("notification_emails[2]");
        org.assertj.core.api.Assertions.assertThat(ProblemDetailsAdvice.snakeCase("readings[0].sensorId"))
                .isEqualTo("readings[0].sensor_id");
    }

    @Test
    void namesAParameterOfTheWrongType() throws Exception {
        mvc.perform(get("/pages").param("page", "two"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("page"));
    }

    @Test
    void hidesInternalsOfUnexpectedErrors() throws Exception {
        mvc.perform(get("/explode"))
                .andExpect(status().isInternalServerError())
                .andExpect(jsonPath("$.code").value("internal_error"))
                .andExpect(content().string(not(containsString("secret"))))
                .andExpect(content().string(not(containsString("IllegalStateException"))));
    }

    @Test
    void answersProblemExceptionsAsTheyAreWithTheirHeaders() throws Exception {
        mvc.perform(get("/full"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "5"))
                .andExpect(jsonPath("$.code").value("spool_full"))
                .andExpect(jsonPath("$.detail").value("The spool is full."));
    }

    @Test
    void answersWrongMethodsAndMediaTypesWithProblems() throws Exception {
        mvc.perform(put("/batches").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(jsonPath("$.code").value("method_not_allowed"));
        mvc.perform(post("/batches").contentType(MediaType.TEXT_PLAIN).content("x"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.code").value("unsupported_media_type"));
    }
}
