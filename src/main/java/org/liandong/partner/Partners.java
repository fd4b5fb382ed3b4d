package org.liandong.partner;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.liandong.community.Places;
import org.liandong.platform.AccessScope;
import org.liandong.platform.AuditLog;
import org.liandong.platform.InvalidValueException;
import org.liandong.platform.LiandongUser;
import org.liandong.platform.Masked;
import org.liandong.platform.OutOfScopeException;
import org.liandong.platform.PersonalDataCipher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The street's register of partner organisations: who they are, whom to call, which communities they
 * serve, and whether street staff have vetted them. An organisation belongs to one street; everyone whose
 * scope covers a community of that street sees it.
 */
@Service
public class Partners {

    public record NewOrganisation(String streetId, String kind, String name, @Nullable String registrationNumber,
                                  String description, @Nullable String website, @Nullable String email,
                                  @Nullable String phone) implements java.io.Serializable {
    }

    public record Summary(UUID id, String streetId, OrganisationKind kind, String name,
                          @Nullable String registrationNumber, OrganisationStatus status, int communities,
                          int services, int openOffers) {
    }

    public record Contact(UUID id, String name, @Nullable String title, @Nullable String phone,
                          @Nullable String email) {
    }

    public record ServedCommunity(String id, String name) {
    }

    public record Organisation(UUID id, String streetId, String streetName, OrganisationKind kind, String name,
                               @Nullable String registrationNumber, String description, @Nullable String website,
                               @Nullable String email, @Nullable String phone, OrganisationStatus status,
                               @Nullable String statusNote, @Nullable String reviewedBy, List<Contact> contacts,
                               List<ServedCommunity> communities) {

        public boolean approved() {
            return status == OrganisationStatus.APPROVED;
        }
    }

    static final int NAME_MAX = 100;
    static final int DESCRIPTION_MAX = 1000;

    private final JdbcClient jdbc;
    private final Places places;
    private final PersonalDataCipher cipher;
    private final AuditLog audit;
    private final PartnerHistory history;
    private final Clock clock;

    Partners(JdbcClient jdbc, Places places, PersonalDataCipher cipher, AuditLog audit, PartnerHistory history,
             Clock clock) {
        this.history = history;
        this.jdbc = jdbc;
        this.places = places;
        this.cipher = cipher;
        this.audit = audit;
        this.clock = clock;
    }

    /** The streets a person may register partners for: those with a community in their scope. */
    public List<Places.StreetView> streets(AccessScope scope) {
        return places.streets().stream().filter(s -> scope.everything()
                || places.communityIdsOfStreet(s.id()).stream().anyMatch(scope::covers)).toList();
    }

    @Transactional
    public UUID register(LiandongUser me, NewOrganisation form) {
        var streetId = form.streetId() == null ? "" : form.streetId().strip();
        if (streets(me.scope()).stream().noneMatch(s -> s.id().equals(streetId))) {
            throw new InvalidValueException("partner.error.street");
        }
        var kind = Texts.choice(OrganisationKind.class, form.kind());
        var name = Texts.required(form.name(), NAME_MAX, "name");
        var registration = registrationNumber(form.registrationNumber());
        var description = Texts.required(form.description(), DESCRIPTION_MAX, "description");
        var website = Texts.url(form.website());
        var email = Texts.email(form.email());
        var phone = Texts.phone(form.phone());
        var key = nameKey(name);
        var sameName = jdbc.sql("select name from partner_organisation where street_id = :s and name_key = :k")
                .param("s", streetId).param("k", key).query(String.class).optional();
        if (sameName.isPresent()) {
            throw new InvalidValueException("partner.error.duplicate-name", sameName.get());
        }
        if (registration != null) {
            var sameNumber = jdbc.sql("select name from partner_organisation where registration_number = :r")
                    .param("r", registration).query(String.class).optional();
            if (sameNumber.isPresent()) {
                throw new InvalidValueException("partner.error.duplicate-registration", sameNumber.get());
            }
        }
        var id = UUID.randomUUID();
        jdbc.sql("""
                insert into partner_organisation (id, street_id, kind, name, name_key, registration_number, description,
                    website, email, phone, status, created_by, created_at)
                values (:id, :s, :kind, :name, :key, :reg, :description, :website, :email, :phone, 'PENDING', :by, :at)""")
                .param("id", id).param("s", streetId).param("kind", kind.name()).param("name", name).param("key", key)
                .param("reg", registration).param("description", description).param("website", website)
                .param("email", email).param("phone", phone).param("by", me.displayName())
                .param("at", Timestamp.from(clock.instant())).update();
        return id;
    }

    /** The unified social credit code (统一社会信用代码): 18 digits or capital letters. */
    static @Nullable String registrationNumber(@Nullable String value) {
        var text = value == null ? "" : value.strip().toUpperCase(Locale.ROOT);
        if (text.isEmpty()) {
            return null;
        }
        if (!text.matches("[0-9A-HJ-NP-RTUWXY]{18}")) {
            throw new InvalidValueException("partner.error.registration");
        }
        return text;
    }

    /** Names compared without spaces, brackets style or case: 「爱心 基金会（上海）」 = 「爱心基金会(上海)」. */
    static String nameKey(String name) {
        return name.replaceAll("\\s", "").replace('（', '(').replace('）', ')').toLowerCase(Locale.ROOT);
    }

    public List<Summary> list(AccessScope scope, @Nullable OrganisationKind kind, @Nullable OrganisationStatus status) {
        var streets = streets(scope).stream().map(Places.StreetView::id).toList();
        if (streets.isEmpty()) {
            return List.of();
        }
        var where = new StringBuilder(" where o.street_id in (:streets)");
        if (kind != null) {
            where.append(" and o.kind = :kind");
        }
        if (status != null) {
            where.append(" and o.status = :status");
        }
        var spec = jdbc.sql("""
                select o.id, o.street_id, o.kind, o.name, o.registration_number, o.status,
                    (select count(*) from partner_service_area a where a.organisation_id = o.id) communities,
                    (select count(*) from partner_service v where v.organisation_id = o.id) services,
                    (select count(*) from partner_offer f where f.organisation_id = o.id
                        and f.status in ('OPEN', 'PARTLY_MATCHED')) offers
                from partner_organisation o""" + where + " order by o.status desc, o.name").param("streets", streets);
        if (kind != null) {
            spec = spec.param("kind", kind.name());
        }
        if (status != null) {
            spec = spec.param("status", status.name());
        }
        return spec.query((rs, n) -> new Summary(rs.getObject("id", UUID.class), rs.getString("street_id"),
                OrganisationKind.valueOf(rs.getString("kind")), rs.getString("name"),
                rs.getString("registration_number"), OrganisationStatus.valueOf(rs.getString("status")),
                rs.getInt("communities"), rs.getInt("services"), rs.getInt("offers"))).list();
    }

    /** One organisation with its contacts' phone numbers masked. */
    public Organisation organisation(AccessScope scope, UUID id) {
        var org = load(id);
        checkStreet(scope, org.streetId());
        return org;
    }

    /** Without a scope check: for the organisation's own partner account. */
    Organisation load(UUID id) {
        var org = jdbc.sql("""
                select o.*, s.name street_name from partner_organisation o join street s on s.id = o.street_id
                where o.id = :id""").param("id", id)
                .query((rs, n) -> new Organisation(id, rs.getString("street_id"), rs.getString("street_name"),
                        OrganisationKind.valueOf(rs.getString("kind")), rs.getString("name"),
                        rs.getString("registration_number"), rs.getString("description"), rs.getString("website"),
                        rs.getString("email"), rs.getString("phone"), OrganisationStatus.valueOf(rs.getString("status")),
                        rs.getString("status_note"), rs.getString("reviewed_by"), List.of(), List.of()))
                .optional().orElseThrow(OutOfScopeException::new);
        var contacts = jdbc.sql("select * from partner_contact where organisation_id = :id order by name")
                .param("id", id).query((rs, n) -> new Contact(rs.getObject("id", UUID.class), rs.getString("name"),
                        rs.getString("title"), rs.getString("phone_masked"), rs.getString("email"))).list();
        var served = jdbc.sql("""
                select c.id, c.name from partner_service_area a join community c on c.id = a.community_id
                where a.organisation_id = :id order by c.name""").param("id", id)
                .query((rs, n) -> new ServedCommunity(rs.getString("id"), rs.getString("name"))).list();
        return new Organisation(org.id(), org.streetId(), org.streetName(), org.kind(), org.name(),
                org.registrationNumber(), org.description(), org.website(), org.email(), org.phone(), org.status(),
                org.statusNote(), org.reviewedBy(), contacts, served);
    }

    /** The contacts with full phone numbers; every such look is written to the audit log. */
    public List<Contact> revealContacts(LiandongUser me, UUID id) {
        var org = organisation(me.scope(), id);
        audit.record(me, "partner.contacts.view", "partner_organisation", id.toString(), org.name(), null, null);
        return jdbc.sql("select * from partner_contact where organisation_id = :id order by name").param("id", id)
                .query((rs, n) -> {
                    var stored = rs.getString("phone_cipher");
                    return new Contact(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("title"),
                            stored == null ? null : cipher.decrypt(stored), rs.getString("email"));
                }).list();
    }

    @Transactional
    public UUID addContact(AccessScope scope, UUID organisationId, String name, @Nullable String title,
                           @Nullable String phone, @Nullable String email) {
        organisation(scope, organisationId);
        var who = Texts.required(name, 50, "contact-name");
        var role = Texts.optional(title, 50, "contact-title");
        var number = Texts.phone(phone);
        var mail = Texts.email(email);
        if (number == null && mail == null) {
            throw new InvalidValueException("partner.error.contact-reach");
        }
        var id = UUID.randomUUID();
        jdbc.sql("""
                insert into partner_contact (id, organisation_id, name, title, phone_cipher, phone_masked, email)
                values (:id, :o, :name, :title, :cipher, :masked, :email)""")
                .param("id", id).param("o", organisationId).param("name", who).param("title", role)
                .param("cipher", number == null ? null : cipher.encrypt(number))
                .param("masked", number == null ? null : Masked.phone(number)).param("email", mail).update();
        return id;
    }

    /** Sets the communities an organisation serves: only communities of its street that the person may see. */
    @Transactional
    public void serve(AccessScope scope, UUID organisationId, Collection<String> communityIds) {
        var org = organisation(scope, organisationId);
        var ofStreet = places.communityIdsOfStreet(org.streetId());
        var chosen = new LinkedHashSet<String>();
        for (var c : communityIds) {
            if (!ofStreet.contains(c) || !scope.covers(c)) {
                throw new InvalidValueException("partner.error.community");
            }
            chosen.add(c);
        }
        var kept = new ArrayList<String>();
        for (var c : ofStreet) {
            if (!scope.covers(c)) {
                kept.add(c);
            }
        }
        var delete = "delete from partner_service_area where organisation_id = :o"
                + (kept.isEmpty() ? "" : " and community_id not in (:kept)");
        var spec = jdbc.sql(delete).param("o", organisationId);
        if (!kept.isEmpty()) {
            spec = spec.param("kept", kept);
        }
        spec.update();
        for (var c : chosen) {
            jdbc.sql("insert into partner_service_area (organisation_id, community_id) values (:o, :c)")
                    .param("o", organisationId).param("c", c).update();
        }
    }

    /** A street admin approves or suspends a partner; a suspension needs a reason. */
    @Transactional
    public void review(LiandongUser me, UUID organisationId, String status, @Nullable String note) {
        if (!me.role().admin()) {
            throw new OutOfScopeException();
        }
        organisation(me.scope(), organisationId);
        var decision = Texts.choice(OrganisationStatus.class, status);
        if (decision == OrganisationStatus.WITHDRAWN) {
            withdraw(me, organisationId, note);
            return;
        }
        var why = Texts.optional(note, 200, "status-note");
        if (decision == OrganisationStatus.SUSPENDED && why == null) {
            throw new InvalidValueException("partner.error.suspend-reason");
        }
        jdbc.sql("""
                update partner_organisation set status = :s, status_note = :note, reviewed_by = :by, reviewed_at = :at
                where id = :id""").param("s", decision.name()).param("note", why).param("by", me.displayName())
                .param("at", Timestamp.from(clock.instant())).param("id", organisationId).update();
    }

    /**
     * Corrects an organisation's profile (staff of its street, or its own partner account through
     * {@link PartnerPortal}): the same checks as at registration, duplicates judged against the others.
     */
    @Transactional
    public void edit(LiandongUser me, UUID id, NewOrganisation form) {
        edit(organisation(me.scope(), id), form, me.displayName());
    }

    void edit(Organisation org, NewOrganisation form, String by) {
        if (org.status() == OrganisationStatus.WITHDRAWN) {
            throw new InvalidValueException("partner.error.withdrawn");
        }
        var kind = form.kind() == null || form.kind().isBlank() ? org.kind()
                : Texts.choice(OrganisationKind.class, form.kind());
        var name = Texts.required(form.name(), NAME_MAX, "name");
        var registration = registrationNumber(form.registrationNumber());
        var description = Texts.required(form.description(), DESCRIPTION_MAX, "description");
        var website = Texts.url(form.website());
        var email = Texts.email(form.email());
        var phone = Texts.phone(form.phone());
        var key = nameKey(name);
        var sameName = jdbc.sql("select name from partner_organisation where street_id = :s and name_key = :k and id <> :id")
                .param("s", org.streetId()).param("k", key).param("id", org.id()).query(String.class).optional();
        if (sameName.isPresent()) {
            throw new InvalidValueException("partner.error.duplicate-name", sameName.get());
        }
        if (registration != null) {
            var sameNumber = jdbc.sql("select name from partner_organisation where registration_number = :r and id <> :id")
                    .param("r", registration).param("id", org.id()).query(String.class).optional();
            if (sameNumber.isPresent()) {
                throw new InvalidValueException("partner.error.duplicate-registration", sameNumber.get());
            }
        }
        var fields = CoordinationBoard.changed(new Object[] {org.kind(), kind, "kind"},
                new Object[] {org.name(), name, "name"}, new Object[] {org.registrationNumber(), registration,
                        "registration"}, new Object[] {org.description(), description, "description"},
                new Object[] {org.website(), website, "website"}, new Object[] {org.email(), email, "email"},
                new Object[] {org.phone(), phone, "phone"});
        if (fields.isEmpty()) {
            return;
        }
        jdbc.sql("""
                update partner_organisation set kind = :kind, name = :name, name_key = :key, registration_number = :reg,
                    description = :description, website = :website, email = :email, phone = :phone where id = :id""")
                .param("kind", kind.name()).param("name", name).param("key", key).param("reg", registration)
                .param("description", description).param("website", website).param("email", email)
                .param("phone", phone).param("id", org.id()).update();
        history.record("ORGANISATION", org.id(), PartnerHistory.Action.EDITED, fields, null, by);
    }

    /**
     * A street admin withdraws a partner that no longer works with the street: its services leave the directory,
     * its open offers can no longer be matched; everything it did stays on record.
     */
    @Transactional
    public void withdraw(LiandongUser me, UUID id, @Nullable String reason) {
        if (!me.role().admin()) {
            throw new OutOfScopeException();
        }
        var org = organisation(me.scope(), id);
        if (org.status() == OrganisationStatus.WITHDRAWN) {
            throw new InvalidValueException("partner.error.withdrawn");
        }
        var why = Texts.required(reason, 200, "reason");
        var now = Timestamp.from(clock.instant());
        jdbc.sql("""
                update partner_organisation set status = 'WITHDRAWN', status_note = :note, reviewed_by = :by,
                    reviewed_at = :at, withdrawn_at = :at where id = :id""").param("note", why)
                .param("by", me.displayName()).param("at", now).param("id", id).update();
        jdbc.sql("update partner_offer set withdrawn_at = :at, status = 'WITHDRAWN' where organisation_id = :id"
                + " and withdrawn_at is null").param("at", now).param("id", id).update();
        history.record("ORGANISATION", id, PartnerHistory.Action.WITHDRAWN, List.of(), why, me.displayName());
    }

    /** Approved organisations of the streets in scope, for choosing who makes an offer. */
    public List<Summary> approved(AccessScope scope) {
        return list(scope, null, OrganisationStatus.APPROVED);
    }

    void checkStreet(AccessScope scope, String streetId) {
        if (!scope.everything() && places.communityIdsOfStreet(streetId).stream().noneMatch(scope::covers)) {
            throw new OutOfScopeException();
        }
    }
}
