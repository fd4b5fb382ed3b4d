package org.liandong.partner;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.liandong.community.Places;
import org.liandong.platform.InvalidValueException;
import org.liandong.platform.LiandongUser;
import org.liandong.platform.OutOfScopeException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Government-purchased service contracts: the street contracts a partner (usually a social-work agency) for a
 * project in some of its communities, with a period, budget and deliverables, and follows its progress.
 */
@Service
public class Contracts {

    public record Progress(LocalDate reportedOn, int percent, String note, String reportedBy) {
    }

    public record Contract(UUID id, UUID organisationId, String project, LocalDate startsOn, LocalDate endsOn,
                           BigDecimal budget, String deliverables, List<String> communityNames,
                           List<Progress> progress) {

        public int percent() {
            return progress.isEmpty() ? 0 : progress.getLast().percent();
        }
    }

    private final JdbcClient jdbc;
    private final Partners partners;
    private final Places places;
    private final Clock clock;

    Contracts(JdbcClient jdbc, Partners partners, Places places, Clock clock) {
        this.jdbc = jdbc;
        this.partners = partners;
        this.places = places;
        this.clock = clock;
    }

    /** Street admins sign contracts for their street's communities. */
    @Transactional
    public UUID sign(LiandongUser me, UUID organisationId, String project, String startsOn, String endsOn,
                     String budget, String deliverables, Collection<String> communityIds) {
        if (!me.role().admin()) {
            throw new OutOfScopeException();
        }
        var org = partners.organisation(me.scope(), organisationId);
        var name = Texts.required(project, 100, "project");
        var start = date(startsOn);
        var end = date(endsOn);
        if (end.isBefore(start)) {
            throw new InvalidValueException("partner.error.period");
        }
        BigDecimal money;
        try {
            money = new BigDecimal(budget == null ? "" : budget.strip().replace(",", ""));
        } catch (NumberFormatException e) {
            throw new InvalidValueException("partner.error.budget");
        }
        if (money.signum() <= 0 || money.scale() > 2 || money.compareTo(new BigDecimal("9999999999")) > 0) {
            throw new InvalidValueException("partner.error.budget");
        }
        var what = Texts.required(deliverables, 1000, "deliverables");
        var ofStreet = places.communityIdsOfStreet(org.streetId());
        var chosen = new LinkedHashSet<String>();
        for (var c : communityIds) {
            if (!ofStreet.contains(c) || !me.scope().covers(c)) {
                throw new InvalidValueException("partner.error.community");
            }
            chosen.add(c);
        }
        if (chosen.isEmpty()) {
            throw new InvalidValueException("partner.error.contract-communities");
        }
        var id = UUID.randomUUID();
        jdbc.sql("""
                insert into partner_contract (id, organisation_id, project, starts_on, ends_on, budget, deliverables,
                    created_by, created_at) values (:id, :o, :p, :s, :e, :b, :d, :by, :at)""")
                .param("id", id).param("o", organisationId).param("p", name).param("s", start).param("e", end)
                .param("b", money).param("d", what).param("by", me.displayName())
                .param("at", java.sql.Timestamp.from(clock.instant())).update();
        for (var c : chosen) {
            jdbc.sql("insert into partner_contract_community (contract_id, community_id) values (:id, :c)")
                    .param("id", id).param("c", c).update();
        }
        return id;
    }

    /** Progress never goes back, and is reported within the contract's period. */
    @Transactional
    public void report(LiandongUser me, UUID contractId, String percent, String note) {
        var contract = contract(me, contractId);
        int p;
        try {
            p = Integer.parseInt(percent == null ? "" : percent.strip());
        } catch (NumberFormatException e) {
            throw new InvalidValueException("partner.error.percent");
        }
        if (p < contract.percent() || p > 100) {
            throw new InvalidValueException("partner.error.percent");
        }
        var text = Texts.required(note, 500, "note");
        var today = LocalDate.now(clock);
        if (today.isBefore(contract.startsOn())) {
            throw new InvalidValueException("partner.error.not-started");
        }
        jdbc.sql("""
                insert into partner_contract_progress (id, contract_id, reported_on, percent, note, reported_by)
                values (:id, :c, :on, :p, :n, :by)""").param("id", UUID.randomUUID()).param("c", contractId)
                .param("on", today).param("p", p).param("n", text).param("by", me.displayName()).update();
    }

    public List<Contract> of(LiandongUser me, UUID organisationId) {
        partners.organisation(me.scope(), organisationId);
        var ids = jdbc.sql("select id from partner_contract where organisation_id = :o order by starts_on desc")
                .param("o", organisationId).query(UUID.class).list();
        var result = new ArrayList<Contract>();
        for (var id : ids) {
            result.add(load(id));
        }
        return result;
    }

    Contract contract(LiandongUser me, UUID id) {
        var contract = jdbc.sql("select id from partner_contract where id = :id").param("id", id).query(UUID.class)
                .optional().map(this::load).orElseThrow(OutOfScopeException::new);
        partners.organisation(me.scope(), contract.organisationId());
        return contract;
    }

    private Contract load(UUID id) {
        var names = jdbc.sql("""
                select c.name from partner_contract_community pc join community c on c.id = pc.community_id
                where pc.contract_id = :id order by c.name""").param("id", id).query(String.class).list();
        var progress = jdbc.sql("""
                select * from partner_contract_progress where contract_id = :id order by percent, reported_on""")
                .param("id", id).query((rs, n) -> new Progress(rs.getDate("reported_on").toLocalDate(),
                        rs.getInt("percent"), rs.getString("note"), rs.getString("reported_by"))).list();
        return jdbc.sql("select * from partner_contract where id = :id").param("id", id)
                .query((rs, n) -> new Contract(id, rs.getObject("organisation_id", UUID.class), rs.getString("project"),
                        rs.getDate("starts_on").toLocalDate(), rs.getDate("ends_on").toLocalDate(),
                        rs.getBigDecimal("budget"), rs.getString("deliverables"), names, progress)).single();
    }

    private static LocalDate date(@Nullable String value) {
        try {
            return LocalDate.parse(value == null ? "" : value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidValueException("partner.error.date");
        }
    }
}
