package org.liandong.partner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.liandong.partner.hsds.HsdsValidator;
import org.liandong.platform.InvalidValueException;
import org.liandong.platform.LiandongUser;
import org.liandong.platform.OutOfScopeException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports an HSDS 3.0 JSON file into a street's directory: one service (with its organization), an HSDA page of
 * services ({@code contents}), or one organization with its {@code services}. Everything is checked first —
 * the official schemas, then what the directory can hold — and every problem is reported with its JSON path;
 * a file with any problem imports nothing. HSDS ids are kept, so exporting gives the same ids back; importing
 * a service again replaces it. Imported organisations are approved: street admins import.
 */
@Service
public class DirectoryImport {

    /** What an import did, or the problems that stopped it. */
    public record Result(int organisations, int services, List<String> problems) {

        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private record ServiceInput(JsonNode node, JsonNode organisation, String path) {
    }

    static final int MAX_BYTES = 5 * 1024 * 1024;

    private final JdbcClient jdbc;
    private final Partners partners;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    DirectoryImport(JdbcClient jdbc, Partners partners, Clock clock) {
        this.jdbc = jdbc;
        this.partners = partners;
        this.clock = clock;
    }

    @Transactional
    public Result importJson(LiandongUser me, String streetId, InputStream in) {
        if (!me.role().admin()) {
            throw new OutOfScopeException();
        }
        if (partners.streets(me.scope()).stream().noneMatch(s -> s.id().equals(streetId))) {
            throw new InvalidValueException("partner.error.street");
        }
        JsonNode root;
        try {
            var bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                return new Result(0, 0, List.of("$: " + "file larger than 5 MB"));
            }
            root = json.readTree(bytes);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return new Result(0, 0, List.of("$: not JSON (" + e.getOriginalMessage() + ")"));
        } catch (IOException e) {
            return new Result(0, 0, List.of("$: the file could not be read"));
        }
        if (root == null || !root.isObject()) {
            return new Result(0, 0, List.of("$: an HSDS service, organization or page of services is expected"));
        }
        var problems = new ArrayList<String>();
        var inputs = new ArrayList<ServiceInput>();
        if (root.has("contents")) {
            var contents = root.get("contents");
            if (!contents.isArray()) {
                problems.add("$.contents: an array of services is expected");
            } else {
                for (int i = 0; i < contents.size(); i++) {
                    var path = "$.contents[" + i + "]";
                    problems.addAll(HsdsValidator.errors("service", contents.get(i), path));
                    inputs.add(new ServiceInput(contents.get(i), contents.get(i).path("organization"), path));
                }
            }
        } else if (root.has("status") || root.has("organization")) {
            problems.addAll(HsdsValidator.errors("service", root, "$"));
            inputs.add(new ServiceInput(root, root.path("organization"), "$"));
        } else {
            problems.addAll(HsdsValidator.errors("organization", root, "$"));
            var services = root.path("services");
            for (int i = 0; i < services.size(); i++) {
                var path = "$.services[" + i + "]";
                problems.addAll(HsdsValidator.errors("service", services.get(i), path));
                inputs.add(new ServiceInput(services.get(i), root, path));
            }
        }
        if (inputs.isEmpty() && problems.isEmpty()) {
            problems.add("$: no services in the file");
        }
        for (var input : inputs) {
            check(input, streetId, problems);
        }
        if (!problems.isEmpty()) {
            return new Result(0, 0, List.copyOf(problems));
        }
        var organisations = new LinkedHashSet<UUID>();
        for (var input : inputs) {
            var org = organisation(me, streetId, input.organisation());
            organisations.add(org);
            service(org, streetId, input.node());
        }
        return new Result(organisations.size(), inputs.size(), List.of());
    }

    /** What the directory itself needs beyond the schema: an organization, lengths that fit, ids free. */
    private void check(ServiceInput input, String streetId, List<String> problems) {
        var s = input.node();
        var org = input.organisation();
        if (!org.isObject() || !org.hasNonNull("id") || !org.hasNonNull("name")) {
            problems.add(input.path() + ".organization: the organization (id, name, description) is required");
            return;
        }
        length(problems, input.path() + ".name", s.path("name"), 100);
        length(problems, input.path() + ".alternate_name", s.path("alternate_name"), 100);
        length(problems, input.path() + ".description", s.path("description"), 2000);
        length(problems, input.path() + ".eligibility_description", s.path("eligibility_description"), 500);
        length(problems, input.path() + ".fees_description", s.path("fees_description"), 300);
        length(problems, input.path() + ".application_process", s.path("application_process"), 500);
        length(problems, input.path() + ".email", s.path("email"), 100);
        length(problems, input.path() + ".url", s.path("url"), 200);
        length(problems, input.path() + ".organization.name", org.path("name"), 100);
        length(problems, input.path() + ".organization.description", org.path("description"), 1000);
        for (var age : List.of("minimum_age", "maximum_age")) {
            var n = s.path(age);
            if (!n.isMissingNode() && !n.isNull() && (!n.isNumber() || n.asDouble() < 0 || n.asDouble() > 120)) {
                problems.add(input.path() + "." + age + ": an age between 0 and 120 is expected");
            }
        }
        var orgStreet = streetOf("partner_organisation", org.path("id").asText());
        if (orgStreet != null && !orgStreet.equals(streetId)) {
            problems.add(input.path() + ".organization.id: already registered by another street");
        }
        var serviceStreet = jdbc.sql("""
                select o.street_id from partner_service v join partner_organisation o on o.id = v.organisation_id
                where v.id = :id""").param("id", uuid(s.path("id").asText())).query(String.class).optional();
        if (serviceStreet.isPresent() && !serviceStreet.get().equals(streetId)) {
            problems.add(input.path() + ".id: already in another street's directory");
        }
    }

    private @Nullable String streetOf(String table, String id) {
        return jdbc.sql("select street_id from " + table + " where id = :id").param("id", uuid(id))
                .query(String.class).optional().orElse(null);
    }

    private static void length(List<String> problems, String path, JsonNode node, int max) {
        if (node.isTextual() && node.asText().strip().length() > max) {
            problems.add(path + ": longer than the directory keeps (" + max + " characters)");
        }
    }

    private static UUID uuid(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            // the schema has reported it already; an id that matches nothing
            return new UUID(0, 0);
        }
    }

    private UUID organisation(LiandongUser me, String streetId, JsonNode org) {
        var id = uuid(org.path("id").asText());
        var name = org.path("name").asText().strip();
        if (streetOf("partner_organisation", id.toString()) != null) {
            return id;
        }
        var sameName = jdbc.sql("select id from partner_organisation where street_id = :s and name_key = :k")
                .param("s", streetId).param("k", Partners.nameKey(name)).query(UUID.class).optional();
        if (sameName.isPresent()) {
            return sameName.get();
        }
        var taxId = text(org, "tax_id", 30);
        var registration = taxId != null && taxId.toUpperCase(Locale.ROOT).matches("[0-9A-HJ-NP-RTUWXY]{18}")
                && jdbc.sql("select count(*) from partner_organisation where registration_number = :r")
                .param("r", taxId.toUpperCase(Locale.ROOT)).query(Long.class).single() == 0
                ? taxId.toUpperCase(Locale.ROOT) : null;
        var now = Timestamp.from(clock.instant());
        jdbc.sql("""
                insert into partner_organisation (id, street_id, kind, name, name_key, registration_number, description,
                    website, email, status, status_note, reviewed_by, reviewed_at, created_by, created_at)
                values (:id, :s, :kind, :name, :key, :reg, :description, :website, :email, 'APPROVED', 'HSDS import',
                    :by, :at, :by, :at)""")
                .param("id", id).param("s", streetId).param("kind", kind(org.path("legal_status").asText()).name())
                .param("name", name).param("key", Partners.nameKey(name)).param("reg", registration)
                .param("description", org.path("description").asText("").strip())
                .param("website", text(org, "website", 200)).param("email", text(org, "email", 100))
                .param("by", me.displayName()).param("at", now).update();
        return id;
    }

    static OrganisationKind kind(String legalStatus) {
        for (var k : OrganisationKind.values()) {
            if (k.name().equalsIgnoreCase(legalStatus)) {
                return k;
            }
        }
        var s = legalStatus.toLowerCase(Locale.ROOT);
        if (s.contains("company") || s.contains("enterprise") || s.contains("企业") || s.contains("公司")) {
            return OrganisationKind.ENTERPRISE;
        }
        if (s.contains("foundation") || s.contains("基金")) {
            return OrganisationKind.FOUNDATION;
        }
        if (s.contains("hospital") || s.contains("医院")) {
            return OrganisationKind.HOSPITAL;
        }
        return OrganisationKind.SOCIAL_ORGANISATION;
    }

    private void service(UUID organisation, String streetId, JsonNode s) {
        var id = uuid(s.path("id").asText());
        // importing a service again replaces it (its places too)
        var oldLocations = jdbc.sql("select location_id from partner_service_at_location where service_id = :id")
                .param("id", id).query(UUID.class).list();
        jdbc.sql("delete from partner_service where id = :id").param("id", id).update();
        for (var l : oldLocations) {
            jdbc.sql("delete from partner_location where id = :l and not exists "
                    + "(select 1 from partner_service_at_location sl where sl.location_id = :l)").param("l", l).update();
        }
        var costs = s.path("cost_options");
        boolean paid = s.hasNonNull("fees_description") || s.hasNonNull("fees");
        var feeTexts = new ArrayList<String>();
        for (var c : costs) {
            if (c.path("amount").asDouble(0) > 0) {
                paid = true;
            }
            var parts = new ArrayList<String>();
            for (var f : List.of("option", "amount", "currency", "amount_description")) {
                if (c.hasNonNull(f)) {
                    parts.add(c.get(f).asText());
                }
            }
            feeTexts.add(String.join(" ", parts));
        }
        var fees = text(s, "fees_description", 300);
        if (paid && fees == null) {
            fees = feeTexts.isEmpty() ? "—" : cut(String.join("; ", feeTexts), 300);
        }
        var languages = new LinkedHashSet<String>();
        for (var l : s.path("languages")) {
            var code = l.path("code").asText("").toLowerCase(Locale.ROOT);
            if (code.matches("[a-z]{2,3}") && String.join(",", languages).length() < 90) {
                languages.add(code);
            }
        }
        if (languages.isEmpty()) {
            languages.add("zh");
        }
        String schedule = null;
        for (var sch : s.path("schedules")) {
            schedule = sch.hasNonNull("description") ? sch.get("description").asText()
                    : sch.hasNonNull("opens_at") ? sch.path("byday").asText("") + " " + sch.get("opens_at").asText()
                    + "–" + sch.path("closes_at").asText("") : null;
            if (schedule != null) {
                break;
            }
        }
        String phone = null;
        for (var p : s.path("phones")) {
            var number = p.path("number").asText("").replaceAll("[^0-9+\\-() ]", "").strip();
            if (!number.isEmpty()) {
                phone = cut(number, 30);
                break;
            }
        }
        var need = ServiceNeed.OTHER;
        for (var a : s.path("attributes")) {
            for (var n : ServiceNeed.values()) {
                if (n.code().equals(a.path("value").asText())) {
                    need = n;
                }
            }
        }
        ServiceStatus status;
        try {
            status = ServiceStatus.ofHsds(s.path("status").asText());
        } catch (IllegalArgumentException e) {
            status = ServiceStatus.ACTIVE;
        }
        var now = Timestamp.from(clock.instant());
        jdbc.sql("""
                insert into partner_service (id, organisation_id, name, alternate_name, description, need, status,
                    eligibility_description, minimum_age, maximum_age, free, fees_description, languages,
                    schedule_description, application_process, phone, email, url, created_at, updated_at)
                values (:id, :o, :name, :alt, :description, :need, :status, :eligibility, :min, :max, :free, :fees,
                    :languages, :schedule, :process, :phone, :email, :url, :now, :now)""")
                .param("id", id).param("o", organisation).param("name", s.path("name").asText().strip())
                .param("alt", text(s, "alternate_name", 100)).param("description", text(s, "description", 2000))
                .param("need", need.name()).param("status", status.name())
                .param("eligibility", text(s, "eligibility_description", 500))
                .param("min", s.hasNonNull("minimum_age") ? (Integer) s.get("minimum_age").asInt() : null)
                .param("max", s.hasNonNull("maximum_age") ? (Integer) s.get("maximum_age").asInt() : null)
                .param("free", !paid).param("fees", paid ? fees : null).param("languages", String.join(",", languages))
                .param("schedule", schedule == null ? null : cut(schedule, 300))
                .param("process", text(s, "application_process", 500)).param("phone", phone)
                .param("email", text(s, "email", 100)).param("url", text(s, "url", 200)).param("now", now).update();
        for (var at : s.path("service_at_locations")) {
            var l = at.path("location");
            if (!l.isObject()) {
                continue;
            }
            var address = l.path("addresses").path(0);
            var locationId = uuid(l.path("id").asText());
            if (jdbc.sql("select count(*) from partner_location where id = :id").param("id", locationId)
                    .query(Long.class).single() == 0) {
                var line = String.join(", ", new ArrayList<>(java.util.stream.Stream.of(
                        address.path("address_1").asText(""), address.path("address_2").asText(""))
                        .filter(x -> !x.isBlank()).toList()));
                jdbc.sql("""
                        insert into partner_location (id, organisation_id, name, address, city, latitude, longitude,
                            postal_code, state_province, country)
                        values (:id, :o, :name, :address, :city, :lat, :lon, :postal, :state, :country)""")
                        .param("id", locationId)
                        .param("postal", text(address, "postal_code", 20))
                        .param("state", text(address, "state_province", 50))
                        .param("country", address.path("country").asText("").matches("[A-Za-z]{2}")
                                ? address.path("country").asText().toUpperCase(Locale.ROOT) : null)
                        .param("o", organisation).param("name", cut(l.path("name").asText("—"), 100))
                        .param("address", cut(line.isEmpty() ? "—" : line, 200))
                        .param("city", cut(address.path("city").asText(""), 50))
                        .param("lat", coordinate(l.path("latitude"))).param("lon", coordinate(l.path("longitude")))
                        .update();
            }
            var atId = at.hasNonNull("id") ? uuid(at.get("id").asText()) : UUID.randomUUID();
            if (jdbc.sql("select count(*) from partner_service_at_location where id = :id").param("id", atId)
                    .query(Long.class).single() > 0) {
                atId = UUID.randomUUID();
            }
            jdbc.sql("insert into partner_service_at_location (id, service_id, location_id) values (:id, :s, :l)")
                    .param("id", atId).param("s", id).param("l", locationId).update();
        }
    }

    private static @Nullable BigDecimal coordinate(JsonNode node) {
        if (!node.isNumber() || Math.abs(node.asDouble()) > 999) {
            return null;
        }
        return node.decimalValue().setScale(6, java.math.RoundingMode.HALF_UP);
    }

    private static @Nullable String text(JsonNode node, String field, int max) {
        var value = node.path(field);
        if (!value.isValueNode() || value.isNull() || value.asText().isBlank()) {
            return null;
        }
        return cut(value.asText().strip(), max);
    }

    private static String cut(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
