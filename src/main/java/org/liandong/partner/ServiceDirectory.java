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
    private final PartnerHistory history;
    private final Clock clock;

    ServiceDirectory(JdbcClient jdbc, Partners partners, PartnerHistory history, Clock clock) {
        this.jdbc = jdbc;
        this.partners = partners;
        this.history = history;
        this.clock = clock;
    }

    /**
     * What a care referral (or any other module) needs to point at a service: its name, who runs it, how to reach
     * them, and whether it has been withdrawn (or its organisation is no longer approved) since.
     */
    public record ServiceReference(UUID id, String name, UUID organisationId, String organisationName,
                                   @Nullable String phone, @Nullable String email, @Nullable String url,
                                   ServiceStatus status, boolean withdrawn) {
    }

    /** A service by id, whatever its state (withdrawn ones too), for links kept elsewhere. */
    public java.util.Optional<ServiceReference> reference(UUID id) {
        return jdbc.sql(SELECT + " where v.id = :id").param("id", id).query((rs, n) -> new ServiceReference(
                rs.getObject("id", UUID.class), rs.getString("name"), rs.getObject("organisation_id", UUID.class),
                rs.getString("org_name"), rs.getString("phone"), rs.getString("email"), rs.getString("url"),
                ServiceStatus.valueOf(rs.getString("status")),
                rs.getTimestamp("withdrawn_at") != null || !"APPROVED".equals(rs.getString("org_status"))))
                .optional();
    }

    private record Valid(String name, ServiceNeed need, @Nullable String description, @Nullable String eligibility,
                         @Nullable Integer min, @Nullable Integer max, boolean free, @Nullable String fees,
                         Set<String> languages, @Nullable String schedule, @Nullable String process,
                         @Nullable String phone, @Nullable String email, @Nullable String url,
                         List<String> communities, @Nullable String locationName, @Nullable String address,
                         @Nullable String locationCommunity) {

        List<Object> values() {
            return java.util.Arrays.asList(name, need, description, eligibility, min, max, free, fees,
                    String.join(",", languages), schedule, process, phone, email, url);
        }
    }

    /** Field names in the order of {@link Valid#values()}, for the history. */
    private static final List<String> FIELDS = List.of("service-name", "need", "description", "eligibility",
            "minimum-age", "maximum-age", "free", "fees", "languages", "schedule", "application-process", "phone",
            "email", "url");

    @Transactional
    public UUID add(AccessScope scope, UUID organisationId, NewService form) {
        return add(partners.organisation(scope, organisationId), form);
    }

    UUID add(Partners.Organisation org, NewService form) {
        var v = valid(org, form);
        var id = UUID.randomUUID();
        var now = Timestamp.from(clock.instant());
        jdbc.sql("""
                insert into partner_service (id, organisation_id, name, description, need, status, eligibility_description,
                    minimum_age, maximum_age, free, fees_description, languages, schedule_description,
                    application_process, phone, email, url, created_at, updated_at)
                values (:id, :o, :name, :description, :need, 'ACTIVE', :eligibility, :min, :max, :free, :fees,
                    :languages, :schedule, :process, :phone, :email, :url, :now, :now)""")
                .param("id", id).param("o", org.id()).param("name", v.name()).param("description", v.description())
                .param("need", v.need().name()).param("eligibility", v.eligibility()).param("min", v.min())
                .param("max", v.max()).param("free", v.free()).param("fees", v.free() ? null : v.fees())
                .param("languages", String.join(",", v.languages())).param("schedule", v.schedule())
                .param("process", v.process()).param("phone", v.phone()).param("email", v.email())
                .param("url", v.url()).param("now", now).update();
        writePlaces(org, id, v);
        return id;
    }

    /** Corrects a service; the fields changed go to its history. A withdrawn service cannot be edited. */
    @Transactional
    public void update(AccessScope scope, UUID serviceId, NewService form, String by) {
        var current = serviceIn(scope, serviceId);
        update(partners.organisation(scope, current.organisationId()), current, form, by);
    }

    void update(Partners.Organisation org, ServiceView current, NewService form, String by) {
        if (withdrawn(current.id())) {
            throw new InvalidValueException("partner.error.withdrawn");
        }
        var v = valid(org, form);
        var before = java.util.Arrays.asList(current.name(), current.need(), current.description(),
                current.eligibility(), current.minimumAge(), current.maximumAge(), current.free(),
                current.free() ? null : current.fees(), String.join(",", current.languages()), current.schedule(),
                current.applicationProcess(), current.phone(), current.email(), current.url());
        var after = v.values();
        var fields = new ArrayList<String>();
        for (int i = 0; i < FIELDS.size(); i++) {
            if (!java.util.Objects.equals(before.get(i), after.get(i))) {
                fields.add(FIELDS.get(i));
            }
        }
        if (!new java.util.HashSet<>(current.communityIds()).equals(new java.util.HashSet<>(v.communities()))) {
            fields.add("communities");
        }
        var place = current.locations().isEmpty() ? null : current.locations().getFirst();
        if (!java.util.Objects.equals(place == null ? null : place.name(), v.locationName())
                || !java.util.Objects.equals(place == null ? null : place.address(), v.address())
                || !java.util.Objects.equals(place == null ? null : place.communityId(), v.locationCommunity())) {
            fields.add("location-name");
        }
        if (fields.isEmpty()) {
            return;
        }
        jdbc.sql("""
                update partner_service set name = :name, description = :description, need = :need,
                    eligibility_description = :eligibility, minimum_age = :min, maximum_age = :max, free = :free,
                    fees_description = :fees, languages = :languages, schedule_description = :schedule,
                    application_process = :process, phone = :phone, email = :email, url = :url, updated_at = :now
                where id = :id""")
                .param("id", current.id()).param("name", v.name()).param("description", v.description())
                .param("need", v.need().name()).param("eligibility", v.eligibility()).param("min", v.min())
                .param("max", v.max()).param("free", v.free()).param("fees", v.free() ? null : v.fees())
                .param("languages", String.join(",", v.languages())).param("schedule", v.schedule())
                .param("process", v.process()).param("phone", v.phone()).param("email", v.email())
                .param("url", v.url()).param("now", Timestamp.from(clock.instant())).update();
        if (fields.contains("communities") || fields.contains("location-name")) {
            jdbc.sql("delete from partner_service_community where service_id = :s").param("s", current.id()).update();
            jdbc.sql("delete from partner_service_at_location where service_id = :s").param("s", current.id())
                    .update();
            writePlaces(org, current.id(), v);
        }
        history.record("SERVICE", current.id(), PartnerHistory.Action.EDITED, fields, null, by);
    }

    /**
     * Withdraws a service: it leaves the directory search and the HSDS list (status defunct), while its page and
     * {@link #reference} still answer, saying it was withdrawn.
     */
    @Transactional
    public void withdraw(AccessScope scope, UUID serviceId, @Nullable String reason, String by) {
        withdraw(serviceIn(scope, serviceId), reason, by);
    }

    void withdraw(ServiceView service, @Nullable String reason, String by) {
        if (withdrawn(service.id())) {
            throw new InvalidValueException("partner.error.withdrawn");
        }
        var why = Texts.optional(reason, 300, "reason");
        var now = Timestamp.from(clock.instant());
        jdbc.sql("update partner_service set status = 'DEFUNCT', withdrawn_at = :at, updated_at = :at where id = :id")
                .param("at", now).param("id", service.id()).update();
        history.record("SERVICE", service.id(), PartnerHistory.Action.WITHDRAWN, List.of(), why, by);
    }

    public boolean withdrawn(UUID serviceId) {
        return jdbc.sql("select withdrawn_at from partner_service where id = :id").param("id", serviceId)
                .query((rs, n) -> rs.getTimestamp(1) != null).optional().orElse(false);
    }

    /** A service of an organisation in scope, whatever its state. */
    public ServiceView serviceIn(AccessScope scope, UUID serviceId) {
        var service = jdbc.sql(SELECT + " where v.id = :id").param("id", serviceId).query(this::row).optional()
                .map(this::complete).orElseThrow(OutOfScopeException::new);
        partners.organisation(scope, service.organisationId());
        return service;
    }

    private Valid valid(Partners.Organisation org, NewService form) {
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
        return new Valid(name, need, description, eligibility, min, max, form.free(), fees, languages, schedule,
                process, phone, email, url, communities, locationName, address, locationCommunity);
    }

    private void writePlaces(Partners.Organisation org, UUID id, Valid v) {
        for (var c : v.communities()) {
            jdbc.sql("insert into partner_service_community (service_id, community_id) values (:s, :c)")
                    .param("s", id).param("c", c).update();
        }
        if (v.locationName() != null) {
            var location = UUID.randomUUID();
            jdbc.sql("""
                    insert into partner_location (id, organisation_id, name, address, city, community_id)
                    values (:id, :o, :name, :address, :city, :c)""").param("id", location).param("o", org.id())
                    .param("name", v.locationName()).param("address", v.address()).param("city", cityOf(org.streetId()))
                    .param("c", v.locationCommunity()).update();
            jdbc.sql("insert into partner_service_at_location (id, service_id, location_id) values (:id, :s, :l)")
                    .param("id", UUID.randomUUID()).param("s", id).param("l", location).update();
        }
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
        return ofOrganisation(organisationId);
    }

    List<ServiceView> ofOrganisation(UUID organisationId) {
        return jdbc.sql(SELECT + " where o.id = :o order by v.name").param("o", organisationId).query(this::row).list()
                .stream().map(this::complete).toList();
    }

    /** Every active service of approved partners, for the HSDS export. */
    public List<ServiceView> all() {
        return search(null, null, null, 500);
    }

    private static final String SELECT = """
            select v.*, o.name org_name, o.kind org_kind, o.description org_description, o.status org_status
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
