package org.liandong.partner;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.liandong.platform.AccessScope;
import org.liandong.platform.InvalidValueException;
import org.liandong.platform.OutOfScopeException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The services directory, in the Open Referral HSDS 3.0 model: services of vetted partners with who may use
 * them, when, where, in which languages and at what cost. Residents and staff search it by need, words and
 * community; other systems read it as HSDS JSON. Care referrals can point to a service by its id.
 */
@Service
public class ServiceDirectory {

    public record NewService(String name, String need, @Nullable String description,
                             @Nullable String eligibility, @Nullable String minimumAge, @Nullable String maximumAge,
                             boolean free, @Nullable String fees, Set<String> languages, @Nullable String schedule,
                             @Nullable String applicationProcess, @Nullable String phone, @Nullable String email,
                             @Nullable String url, @Nullable String locationName, @Nullable String address,
                             @Nullable String locationCommunityId, Set<String> communityIds) {
    }

    public record Location(UUID id, String name, String address, String city, @Nullable String communityId,
                           @Nullable BigDecimal latitude, @Nullable BigDecimal longitude, UUID serviceAtLocationId,
                           @Nullable String postalCode, @Nullable String stateProvince, @Nullable String country) {
    }

    public record ServiceView(UUID id, UUID organisationId, String organisationName, OrganisationKind organisationKind,
                              @Nullable String organisationDescription, String name, @Nullable String alternateName,
                              @Nullable String description, ServiceNeed need, ServiceStatus status,
                              @Nullable String eligibility, @Nullable Integer minimumAge, @Nullable Integer maximumAge,
                              boolean free, @Nullable String fees, List<String> languages, @Nullable String schedule,
                              @Nullable String applicationProcess, @Nullable String phone, @Nullable String email,
                              @Nullable String url, Instant updatedAt, List<Location> locations,
                              List<String> communityNames, List<String> communityIds) {

        public String languageKey(String code) {
            return "partner.language." + code;
        }

        /** Languages outside the form's list (from an HSDS import) show by their code. */
        public boolean knownLanguage(String code) {
            return LANGUAGES.contains(code);
        }
    }

    /** The languages a service can be given in (ISO 639 codes), as the forms offer them. */
    public static final List<String> LANGUAGES = List.of("zh", "en", "yue", "wuu", "ja", "ko", "sgn");

    private final JdbcClient jdbc;
    private final Partners partners;
    private final Clock clock;

    ServiceDirectory(JdbcClient jdbc, Partners partners, Clock clock) {
        this.jdbc = jdbc;
        this.partners = partners;
        this.clock = clock;
    }

    @Transactional
    public UUID add(AccessScope scope, UUID organisationId, NewService form) {
        var org = partners.organisation(scope, organisationId);
        var name = Texts.required(form.name(), 100, "service-name");
        var need = Texts.choice(ServiceNeed.class, form.need());
        var description = Texts.optional(form.description(), 2000, "description");
        var eligibility = Texts.optional(form.eligibility(), 500, "eligibility");
        var min = age(form.minimumAge());
        var max = age(form.maximumAge());
        if (min != null && max != null && min > max) {
            throw new InvalidValueException("partner.error.age-range");
        }
        var fees = Texts.optional(form.fees(), 300, "fees");
        if (!form.free() && fees == null) {
            throw new InvalidValueException("partner.error.fees");
        }
        var languages = new LinkedHashSet<String>();
        for (var l : form.languages()) {
            if (!LANGUAGES.contains(l)) {
                throw new InvalidValueException("partner.error.choice");
            }
            languages.add(l);
        }
        if (languages.isEmpty()) {
            languages.add("zh");
        }
        var schedule = Texts.optional(form.schedule(), 300, "schedule");
        var process = Texts.optional(form.applicationProcess(), 500, "application-process");
        var phone = Texts.phone(form.phone());
        var email = Texts.email(form.email());
        var url = Texts.url(form.url());
        var served = org.communities().stream().map(Partners.ServedCommunity::id).toList();
        var communities = form.communityIds().isEmpty() ? List.copyOf(served) : List.copyOf(form.communityIds());
        for (var c : communities) {
            if (!served.contains(c)) {
                throw new InvalidValueException("partner.error.service-community");
            }
        }
        var locationName = Texts.optional(form.locationName(), 100, "location-name");
        var address = Texts.optional(form.address(), 200, "address");
        if ((locationName == null) != (address == null)) {
            throw new InvalidValueException("partner.error.location");
        }
        var locationCommunity = form.locationCommunityId() == null || form.locationCommunityId().isBlank() ? null
                : form.locationCommunityId().strip();
        if (locationCommunity != null && !served.contains(locationCommunity)) {
            throw new InvalidValueException("partner.error.service-community");
        }
        var id = UUID.randomUUID();
        var now = Timestamp.from(clock.instant());
        jdbc.sql("""
                insert into partner_service (id, organisation_id, name, description, need, status, eligibility_description,
                    minimum_age, maximum_age, free, fees_description, languages, schedule_description,
                    application_process, phone, email, url, created_at, updated_at)
                values (:id, :o, :name, :description, :need, 'ACTIVE', :eligibility, :min, :max, :free, :fees,
                    :languages, :schedule, :process, :phone, :email, :url, :now, :now)""")
                .param("id", id).param("o", organisationId).param("name", name).param("description", description)
                .param("need", need.name()).param("eligibility", eligibility).param("min", min).param("max", max)
                .param("free", form.free()).param("fees", form.free() ? null : fees)
                .param("languages", String.join(",", languages)).param("schedule", schedule).param("process", process)
                .param("phone", phone).param("email", email).param("url", url).param("now", now).update();
        for (var c : communities) {
            jdbc.sql("insert into partner_service_community (service_id, community_id) values (:s, :c)")
                    .param("s", id).param("c", c).update();
        }
        if (locationName != null) {
            var location = UUID.randomUUID();
            jdbc.sql("""
                    insert into partner_location (id, organisation_id, name, address, city, community_id)
                    values (:id, :o, :name, :address, :city, :c)""").param("id", location).param("o", organisationId)
                    .param("name", locationName).param("address", address).param("city", cityOf(org.streetId()))
                    .param("c", locationCommunity).update();
            jdbc.sql("insert into partner_service_at_location (id, service_id, location_id) values (:id, :s, :l)")
                    .param("id", UUID.randomUUID()).param("s", id).param("l", location).update();
        }
        return id;
    }

    private String cityOf(String streetId) {
        return jdbc.sql("""
                select d.city from street s join district d on d.id = s.district_id where s.id = :s""")
                .param("s", streetId).query(String.class).optional().orElse("");
    }

    static @Nullable Integer age(@Nullable String value) {
        var text = value == null ? "" : value.strip();
        if (text.isEmpty()) {
            return null;
        }
        try {
            var n = Integer.parseInt(text);
            if (n >= 0 && n <= 120) {
                return n;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new InvalidValueException("partner.error.age");
    }

    /** Active services of approved partners matching the words, need and community (all optional). */
    public List<ServiceView> search(@Nullable String words, @Nullable ServiceNeed need, @Nullable String communityId,
                                    int limit) {
        var where = new StringBuilder(" where o.status = 'APPROVED' and v.status = 'ACTIVE'");
        var text = words == null ? "" : words.strip().toLowerCase(Locale.ROOT);
        if (text.length() > 50) {
            text = text.substring(0, 50);
        }
        if (!text.isEmpty()) {
            where.append(" and (lower(v.name) like :w or lower(coalesce(v.description, '')) like :w"
                    + " or lower(o.name) like :w or lower(coalesce(v.eligibility_description, '')) like :w)");
        }
        if (need != null) {
            where.append(" and v.need = :need");
        }
        if (communityId != null && !communityId.isBlank()) {
            where.append(" and exists (select 1 from partner_service_community sc where sc.service_id = v.id"
                    + " and sc.community_id = :c)");
        }
        var spec = jdbc.sql(SELECT + where + " order by v.name fetch first " + Math.max(1, Math.min(limit, 500))
                + " rows only");
        if (!text.isEmpty()) {
            spec = spec.param("w", "%" + text.replace("\\", "").replace("%", "").replace("_", "") + "%");
        }
        if (need != null) {
            spec = spec.param("need", need.name());
        }
        if (communityId != null && !communityId.isBlank()) {
            spec = spec.param("c", communityId.strip());
        }
        return spec.query(this::row).list().stream().map(this::complete).toList();
    }

    /** One service of an approved partner, as anyone signed in may read it. */
    public ServiceView service(UUID id) {
        return jdbc.sql(SELECT + " where v.id = :id and o.status = 'APPROVED'").param("id", id).query(this::row)
                .optional().map(this::complete).orElseThrow(OutOfScopeException::new);
    }

    /** Every service of one organisation (any status), for the staff page of the organisation. */
    public List<ServiceView> ofOrganisation(AccessScope scope, UUID organisationId) {
        partners.organisation(scope, organisationId);
        return jdbc.sql(SELECT + " where o.id = :o order by v.name").param("o", organisationId).query(this::row).list()
                .stream().map(this::complete).toList();
    }

    /** Every active service of approved partners, for the HSDS export. */
    public List<ServiceView> all() {
        return search(null, null, null, 500);
    }

    private static final String SELECT = """
            select v.*, o.name org_name, o.kind org_kind, o.description org_description
            from partner_service v join partner_organisation o on o.id = v.organisation_id""";

    private ServiceView row(ResultSet rs, int n) throws SQLException {
        return new ServiceView(rs.getObject("id", UUID.class), rs.getObject("organisation_id", UUID.class),
                rs.getString("org_name"), OrganisationKind.valueOf(rs.getString("org_kind")),
                rs.getString("org_description"), rs.getString("name"), rs.getString("alternate_name"),
                rs.getString("description"), ServiceNeed.valueOf(rs.getString("need")),
                ServiceStatus.valueOf(rs.getString("status")), rs.getString("eligibility_description"),
                (Integer) rs.getObject("minimum_age", Integer.class), (Integer) rs.getObject("maximum_age", Integer.class),
                rs.getBoolean("free"), rs.getString("fees_description"), List.of(rs.getString("languages").split(",")),
                rs.getString("schedule_description"), rs.getString("application_process"), rs.getString("phone"),
                rs.getString("email"), rs.getString("url"), rs.getTimestamp("updated_at").toInstant(), List.of(),
                List.of(), List.of());
    }

    private ServiceView complete(ServiceView s) {
        var locations = jdbc.sql("""
                select l.*, sl.id sal_id from partner_service_at_location sl join partner_location l on l.id = sl.location_id
                where sl.service_id = :s order by l.name""").param("s", s.id())
                .query((rs, n) -> new Location(rs.getObject("id", UUID.class), rs.getString("name"),
                        rs.getString("address"), rs.getString("city"), rs.getString("community_id"),
                        rs.getBigDecimal("latitude"), rs.getBigDecimal("longitude"),
                        rs.getObject("sal_id", UUID.class), rs.getString("postal_code"), rs.getString("state_province"),
                        rs.getString("country"))).list();
        var names = new ArrayList<String>();
        var ids = new ArrayList<String>();
        jdbc.sql("""
                select c.id, c.name from partner_service_community sc join community c on c.id = sc.community_id
                where sc.service_id = :s order by c.name""").param("s", s.id()).query(rs -> {
            ids.add(rs.getString("id"));
            names.add(rs.getString("name"));
        });
        return new ServiceView(s.id(), s.organisationId(), s.organisationName(), s.organisationKind(),
                s.organisationDescription(), s.name(), s.alternateName(), s.description(), s.need(), s.status(),
                s.eligibility(), s.minimumAge(), s.maximumAge(), s.free(), s.fees(), s.languages(), s.schedule(),
                s.applicationProcess(), s.phone(), s.email(), s.url(), s.updatedAt(), locations, names, ids);
    }
}
