package org.liandong.partner;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.liandong.account.Accounts;
import org.liandong.platform.InvalidValueException;
import org.liandong.platform.LiandongUser;
import org.liandong.platform.OutOfScopeException;
import org.liandong.platform.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A partner organisation's own accounts (role {@link Role#PARTNER}): staff of its street create them from the
 * organisation's page; the contact then signs in and sees only that organisation: its profile and services, its
 * offers, their matches and hand-overs. Anything of another organisation answers 404.
 */
@Service
public class PartnerPortal {

    public record Account(UUID userId, String username, String displayName) {
    }

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final Partners partners;
    private final ServiceDirectory directory;
    private final CoordinationBoard board;
    private final Clock clock;

    PartnerPortal(JdbcClient jdbc, Accounts accounts, Partners partners, ServiceDirectory directory,
                  CoordinationBoard board, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.partners = partners;
        this.directory = directory;
        this.board = board;
        this.clock = clock;
    }

    /** Staff whose scope covers the organisation's street create a sign-in for one of its contacts. */
    @Transactional
    public UUID createAccount(LiandongUser staff, UUID organisationId, String username, String displayName,
                              String password) {
        if (!staff.role().staff()) {
            throw new OutOfScopeException();
        }
        var org = partners.organisation(staff.scope(), organisationId);
        if (!org.approved()) {
            throw new InvalidValueException("partner.error.not-approved");
        }
        var login = username == null ? "" : username.strip();
        if (!login.matches("[A-Za-z0-9._-]{3,50}")) {
            throw new InvalidValueException("partner.error.username");
        }
        var name = Texts.required(displayName, 50, "contact-name");
        var userId = accounts.create(login, name, password, Role.PARTNER, List.of(), List.of(), null);
        jdbc.sql("""
                insert into partner_account (user_id, organisation_id, username, display_name, created_by, created_at)
                values (:u, :o, :login, :name, :by, :at)""").param("u", userId).param("o", organisationId)
                .param("login", login).param("name", name)
                .param("by", staff.displayName()).param("at", Timestamp.from(clock.instant())).update();
        return userId;
    }

    /**
     * Links an existing account of role {@link Role#PARTNER} (made elsewhere, e.g. by the demo's logins) to an
     * organisation; an account already linked stays with its organisation.
     */
    @Transactional
    public void link(LiandongUser staff, UUID organisationId, String username, String displayName) {
        if (!staff.role().staff()) {
            throw new OutOfScopeException();
        }
        var org = partners.organisation(staff.scope(), organisationId);
        var userId = accounts.idOf(username).orElseThrow(() -> new InvalidValueException("partner.error.username"));
        var linked = jdbc.sql("select count(*) from partner_account where user_id = :u").param("u", userId)
                .query(Integer.class).single() > 0;
        if (!linked) {
            jdbc.sql("""
                    insert into partner_account (user_id, organisation_id, username, display_name, created_by,
                        created_at) values (:u, :o, :login, :name, :by, :at)""").param("u", userId)
                    .param("o", org.id()).param("login", username).param("name", displayName)
                    .param("by", staff.displayName()).param("at", Timestamp.from(clock.instant())).update();
        }
    }

    public List<Account> accountsOf(LiandongUser staff, UUID organisationId) {
        partners.organisation(staff.scope(), organisationId);
        return jdbc.sql("""
                select user_id, username, display_name from partner_account where organisation_id = :o
                order by display_name""")
                .param("o", organisationId).query((rs, n) -> new Account(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getString(3))).list();
    }

    /** The signed-in partner's organisation; 404 for anyone without one. */
    public Partners.Organisation mine(LiandongUser me) {
        if (me.role() != Role.PARTNER) {
            throw new OutOfScopeException();
        }
        var id = jdbc.sql("select organisation_id from partner_account where user_id = :u").param("u", me.userId())
                .query(UUID.class).optional().orElseThrow(OutOfScopeException::new);
        return partners.load(id);
    }

    @Transactional
    public void editProfile(LiandongUser me, Partners.NewOrganisation form) {
        var org = mine(me);
        partners.edit(org, new Partners.NewOrganisation(org.streetId(), org.kind().name(), form.name(),
                form.registrationNumber(), form.description(), form.website(), form.email(), form.phone()),
                me.displayName());
    }

    public List<ServiceDirectory.ServiceView> services(LiandongUser me) {
        return directory.ofOrganisation(mine(me).id());
    }

    public ServiceDirectory.ServiceView service(LiandongUser me, UUID serviceId) {
        var org = mine(me);
        return directory.ofOrganisation(org.id()).stream().filter(s -> s.id().equals(serviceId)).findFirst()
                .orElseThrow(OutOfScopeException::new);
    }

    @Transactional
    public UUID addService(LiandongUser me, ServiceDirectory.NewService form) {
        return directory.add(mine(me), form);
    }

    @Transactional
    public void editService(LiandongUser me, UUID serviceId, ServiceDirectory.NewService form) {
        directory.update(mine(me), service(me, serviceId), form, me.displayName());
    }

    @Transactional
    public void withdrawService(LiandongUser me, UUID serviceId, @Nullable String reason) {
        directory.withdraw(service(me, serviceId), reason, me.displayName());
    }

    public List<CoordinationBoard.Offer> offers(LiandongUser me) {
        return board.offersOfOrganisation(mine(me).id());
    }

    public CoordinationBoard.Offer offer(LiandongUser me, UUID offerId) {
        var org = mine(me);
        return board.offerById(offerId).filter(o -> o.organisationId().equals(org.id()))
                .orElseThrow(OutOfScopeException::new);
    }

    @Transactional
    public UUID postOffer(LiandongUser me, String kind, String item, String quantity, String unit,
                          @Nullable String conditions, @Nullable String availableUntil) {
        return board.recordOffer(mine(me), kind, item, quantity, unit, conditions, availableUntil, me.displayName());
    }

    @Transactional
    public void withdrawOffer(LiandongUser me, UUID offerId, @Nullable String reason) {
        board.withdrawOffer(offer(me, offerId), reason, me);
    }

    /** Where the organisation's offers went: every match with its hand-over. */
    public List<CoordinationBoard.Match> matches(LiandongUser me) {
        return board.matchesOfOrganisation(mine(me).id());
    }
}
