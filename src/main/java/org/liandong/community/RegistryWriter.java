package org.liandong.community;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.liandong.platform.ChineseIdNumber;
import org.liandong.platform.PersonalDataCipher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Writes households and residents in batches: used by the spreadsheet import and the demo loader, so both
 * go through the same encryption of ID numbers. Callers own the transaction.
 */
@Service
public class RegistryWriter {

    public record NewHousehold(UUID id, String communityId, UUID buildingId, String room) {
    }

    public record NewResident(UUID id, String communityId, UUID householdId, String name, char sex,
                              LocalDate birthDate, ChineseIdNumber idNumber, @Nullable String phone, Relation relation,
                              Residence residence, @Nullable LocalDate movedIn, @Nullable String needs,
                              Set<VulnerabilityKind> vulnerabilities, @Nullable String disabilityGrade) {
    }

    public record NewCarerLink(UUID dependantId, String communityId, @Nullable UUID carerResidentId,
                               @Nullable String carerName, @Nullable String carerPhone, CarerRelation relation) {
    }

    private static final int BATCH = 1000;

    private final JdbcTemplate jdbc;
    private final PersonalDataCipher cipher;
    private final Clock clock;

    RegistryWriter(JdbcTemplate jdbc, PersonalDataCipher cipher, Clock clock) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.clock = clock;
    }

    public void households(Collection<NewHousehold> households) {
        var now = Timestamp.from(clock.instant());
        batch("insert into household (id, community_id, building_id, room, created_at) values (?, ?, ?, ?, ?)",
                households.stream().map(h -> new Object[] {h.id(), h.communityId(), h.buildingId(), h.room(), now})
                        .toList());
    }

    public void residents(Collection<NewResident> residents) {
        var now = Timestamp.from(clock.instant());
        var rows = new ArrayList<Object[]>(residents.size());
        var tags = new ArrayList<Object[]>();
        for (var r : residents) {
            var id = r.idNumber().value();
            rows.add(new Object[] {r.id(), r.communityId(), r.householdId(), r.name(), String.valueOf(r.sex()),
                    Date.valueOf(r.birthDate()), cipher.encrypt(id), cipher.blindIndex(id), r.idNumber().tail(),
                    r.phone(), r.relation().name(), r.residence().name(),
                    r.movedIn() == null ? null : Date.valueOf(r.movedIn()), r.needs(), now});
            for (var kind : r.vulnerabilities()) {
                tags.add(new Object[] {r.id(), r.communityId(), kind.name(),
                        kind == VulnerabilityKind.DISABILITY ? r.disabilityGrade() : null, now});
            }
        }
        batch("""
                insert into resident (id, community_id, household_id, name, sex, birth_date, id_number_cipher,
                    id_number_hash, id_number_tail, phone, relation, residence, moved_in, needs, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
        batch("insert into vulnerability (resident_id, community_id, kind, grade, recorded_at) values (?, ?, ?, ?, ?)",
                tags);
    }

    public void carerLinks(Collection<NewCarerLink> links) {
        var now = Timestamp.from(clock.instant());
        batch("""
                insert into carer_link (id, community_id, dependant_id, carer_resident_id, carer_name, carer_phone,
                    relation, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)""",
                links.stream().map(l -> new Object[] {UUID.randomUUID(), l.communityId(), l.dependantId(),
                        l.carerResidentId(), l.carerName(), l.carerPhone(), l.relation().name(), now}).toList());
    }

    /** The keyed hash the registry stores for an ID number; lets callers check duplicates before writing. */
    public String blindIndex(ChineseIdNumber idNumber) {
        return cipher.blindIndex(idNumber.value());
    }

    /** Which of these keyed hashes are already in the registry. */
    public Set<String> existingIdHashes(Collection<String> hashes) {
        var found = new java.util.HashSet<String>();
        var list = List.copyOf(hashes);
        for (int i = 0; i < list.size(); i += BATCH) {
            var part = list.subList(i, Math.min(list.size(), i + BATCH));
            var marks = String.join(",", java.util.Collections.nCopies(part.size(), "?"));
            found.addAll(jdbc.queryForList("select id_number_hash from resident where id_number_hash in (" + marks + ")",
                    String.class, part.toArray()));
        }
        return found;
    }

    private void batch(String sql, List<Object[]> rows) {
        for (int i = 0; i < rows.size(); i += BATCH) {
            jdbc.batchUpdate(sql, rows.subList(i, Math.min(rows.size(), i + BATCH)));
        }
    }
}
