package org.liandong.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.liandong.Fixtures;
import org.liandong.LiandongTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** The official HSDS 3.0 examples import, export again with the same ids, and every export validates. */
@LiandongTest
@Import(PartnerFixtures.class)
class DirectoryImportIntegrationTests {

    static final UUID SERVICE = UUID.fromString("ac148810-d857-441c-9679-408f346de14b");
    static final UUID ORGANISATION = UUID.fromString("d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610");

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired PartnerFixtures partners;
    @Autowired JdbcClient jdbc;

    Fixtures.TestStreet street;

    @BeforeEach
    void setUp() {
        street = fixtures.street();
        // the examples' ids are fixed: forget an earlier test's import of them in this database
        jdbc.sql("delete from partner_service where organisation_id = :o").param("o", ORGANISATION).update();
        jdbc.sql("delete from partner_location where organisation_id = :o").param("o", ORGANISATION).update();
        jdbc.sql("delete from partner_organisation where id = :o").param("o", ORGANISATION).update();
    }

    ResultActions upload(String username, String name, byte[] content) throws Exception {
        return mvc.perform(multipart("/partner/services/import")
                .file(new MockMultipartFile("file", name, "application/json", content))
                .param("streetId", street.id()).with(user(partners.login(username))).with(csrf()));
    }

    JsonNode exported(UUID id) throws Exception {
        var body = mvc.perform(get("/api/v1/hsds/services/{id}", id)
                        .with(user(partners.login(street.streetAdminUsername()))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(HsdsSchemas.errors("service", body)).isEmpty();
        return new ObjectMapper().readTree(body);
    }

    @Test
    void theOfficialExamplesRoundTrip() throws Exception {
        var original = new ObjectMapper().readTree(HsdsSchemasUnitTests.resource("examples/service_full.json"));
        upload(street.streetAdminUsername(), "service_full.json",
                HsdsSchemasUnitTests.resource("examples/service_full.json").getBytes(StandardCharsets.UTF_8))
                .andExpect(flash().attribute("imported", containsString("1 项服务")));
        var again = exported(SERVICE);
        for (var field : List.of("id", "name", "alternate_name", "description", "url", "email", "status",
                "application_process", "fees_description", "eligibility_description", "minimum_age", "maximum_age")) {
            var expected = original.get(field);
            assertThat(again.get(field)).as(field).isEqualTo(expected.isTextual()
                    ? new com.fasterxml.jackson.databind.node.TextNode(expected.asText().strip()) : expected);
        }
        assertThat(again.get("organization").get("id")).isEqualTo(original.get("organization").get("id"));
        assertThat(again.get("organization").get("name")).isEqualTo(original.get("organization").get("name"));
        var location = again.get("service_at_locations").get(0).get("location");
        var originalLocation = original.get("service_at_locations").get(0).get("location");
        assertThat(location.get("id")).isEqualTo(originalLocation.get("id"));
        assertThat(location.get("name")).isEqualTo(originalLocation.get("name"));
        var address = location.get("addresses").get(0);
        var originalAddress = originalLocation.get("addresses").get(0);
        assertThat(address.get("address_1").asText()).startsWith("1-30 Main Street");
        for (var field : List.of("city", "state_province", "postal_code", "country")) {
            assertThat(address.get(field)).as(field).isEqualTo(originalAddress.get(field));
        }
        assertThat(again.get("service_at_locations").get(0).get("id"))
                .isEqualTo(original.get("service_at_locations").get(0).get("id"));
        assertThat(again.get("languages").get(0).get("code").asText()).isEqualTo("ur");
        assertThat(again.get("phones").get(0).get("number").asText()).isEqualTo("+44 1234 234567");
        assertThat(again.get("schedules").get(0).get("description"))
                .isEqualTo(original.get("schedules").get(0).get("description"));

        // the organization example (with its services) and the page example import over it, same ids
        upload(street.streetAdminUsername(), "organization_full.json",
                HsdsSchemasUnitTests.resource("examples/organization_full.json").getBytes(StandardCharsets.UTF_8))
                .andExpect(flash().attributeExists("imported"));
        upload(street.streetAdminUsername(), "service_list.json",
                HsdsSchemasUnitTests.resource("examples/service_list.json").getBytes(StandardCharsets.UTF_8))
                .andExpect(flash().attributeExists("imported"));
        assertThat(exported(SERVICE).get("name").asText()).isEqualTo("Community Counselling");
        assertThat(jdbc.sql("select count(*) from partner_organisation where id = :o").param("o", ORGANISATION)
                .query(Long.class).single()).isEqualTo(1);

        // the whole directory page validates too, and shows in the residents' directory
        var page = new ObjectMapper().readTree(mvc.perform(get("/api/v1/hsds/services").param("search", "Counselling")
                        .with(user(partners.login(street.a().staffUsername()))))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(page.get("contents")).isNotEmpty();
        for (var s : page.get("contents")) {
            assertThat(HsdsSchemas.errors("service", s.toString())).isEmpty();
        }
    }

    @Test
    void aFileWithSchemaErrorsIsRefusedWithJsonPathsAndImportsNothing() throws Exception {
        var before = jdbc.sql("select count(*) from partner_service").query(Long.class).single();
        var bad = """
                {"total_items": 2, "contents": [
                  {"id": "5b1e4c1e-4c2a-4a8e-9a51-0d1c3c9f2a11", "name": "助餐", "status": "active",
                   "organization": {"id": "6c2f5d2f-5d3b-4b9f-8b62-1e2d4d0f3b22", "name": "某协会", "description": "x"}},
                  {"id": "not-a-uuid", "status": "open", "phones": [{"id": "7d306e30-6e4c-4c0f-9c73-2f3e5e1f4c33"}],
                   "organization": {"id": "6c2f5d2f-5d3b-4b9f-8b62-1e2d4d0f3b22", "name": "某协会", "description": "x"}}
                ]}""";
        var refused = upload(street.streetAdminUsername(), "bad.json", bad.getBytes(StandardCharsets.UTF_8))
                .andExpect(flash().attribute("problem", containsString("没有导入"))).andReturn();
        @SuppressWarnings("unchecked")
        var problems = (List<String>) refused.getFlashMap().get("importProblems");
        assertThat(problems).anyMatch(p -> p.startsWith("$.contents[1].id"))
                .anyMatch(p -> p.startsWith("$.contents[1].status"))
                .anyMatch(p -> p.startsWith("$.contents[1]") && p.contains("'name'"))
                .anyMatch(p -> p.startsWith("$.contents[1].phones[0]"))
                .noneMatch(p -> p.startsWith("$.contents[0]"));
        upload(street.streetAdminUsername(), "not.json", "{ not json".getBytes(StandardCharsets.UTF_8))
                .andExpect(flash().attribute("importProblems", org.hamcrest.Matchers.hasItem(containsString("not JSON"))));
        assertThat(jdbc.sql("select count(*) from partner_service").query(Long.class).single()).isEqualTo(before);
        upload(street.a().staffUsername(), "service_full.json", "{}".getBytes(StandardCharsets.UTF_8))
                .andExpect(status().isForbidden());
    }
}
