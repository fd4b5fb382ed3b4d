package org.liandong.care.referral;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.liandong.partner.ServiceDirectory;
import org.liandong.partner.ServiceStatus;
import org.liandong.platform.InvalidValueException;
import org.liandong.platform.LiandongUser;
import org.liandong.platform.OutOfScopeException;
import org.liandong.volunteer.ServiceHours;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Referrals to a service of the partners' directory ({@link ServiceDirectory}, Open Referral HSDS): an expert
 * referral or a family-support case names a service — a counselling hotline, a food bank, a rehabilitation
 * centre — and its page shows how to reach it. The caller has checked that the staff member may see the subject.
 */
@Service
public class ServiceReferrals {

    public enum Subject { REFERRAL, FAMILY }

    /** A service referred to; {@code current} is the directory's entry now, null when it is gone. */
    public record Linked(UUID id, UUID serviceId, String serviceName, String organisationName, @Nullable String note,
                         Instant at, String byName, ServiceDirectory.@Nullable ServiceView current) {

        /** The service can still be used: it is in the directory and active. */
        public boolean available() {
            return current != null && current.status() == ServiceStatus.ACTIVE;
        }

        public LocalDateTime local() {
            return at.atZone(ServiceHours.ZONE).toLocalDateTime();
        }
    }

    private final JdbcClient jdbc;
    private final ServiceDirectory directory;
    private final Clock clock;

    ServiceReferrals(JdbcClient jdbc, ServiceDirectory directory, Clock clock) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.clock = clock;
    }

    /** Refers the subject to the directory service; an unknown, withdrawn or other community's service is refused. */
    @Transactional
    public UUID refer(LiandongUser staff, Subject subject, UUID subjectId, String communityId,
                      @Nullable String serviceId, @Nullable String note) {
        if (!staff.role().staff()) {
            throw new OutOfScopeException();
        }
        var service = service(serviceId);
        if (service.status() != ServiceStatus.ACTIVE) {
            throw new InvalidValueException("care.service.withdrawn", service.name());
        }
        if (!service.communityIds().contains(communityId)) {
            throw new InvalidValueException("care.service.not-here", service.name());
        }
        var text = note == null || note.isBlank() ? null : note.strip();
        if (text != null && text.length() > 300) {
            throw new InvalidValueException("care.service.note-too-long");
        }
        var id = UUID.randomUUID();
        jdbc.sql("""
                insert into care_service_referral (id, subject_type, subject_id, community_id, service_id, service_name,
                    organisation_name, note, created_at, created_by)
                values (:id, :type, :subject, :c, :s, :name, :org, :note, :now, :by)""")
                .param("id", id).param("type", subject.name()).param("subject", subjectId).param("c", communityId)
                .param("s", service.id()).param("name", service.name()).param("org", service.organisationName())
                .param("note", text).param("now", Timestamp.from(clock.instant())).param("by", staff.displayName())
                .update();
        return id;
    }

    private ServiceDirectory.ServiceView service(@Nullable String typed) {
        UUID id;
        try {
            id = UUID.fromString(typed == null ? "" : typed.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("care.service.unknown");
        }
        try {
            return directory.service(id);
        } catch (OutOfScopeException e) {
            throw new InvalidValueException("care.service.unknown");
        }
    }

    /** The services a subject was referred to, oldest first, each with its directory entry as it is now. */
    public List<Linked> of(Subject subject, UUID subjectId) {
        return jdbc.sql("""
                select * from care_service_referral where subject_type = :type and subject_id = :subject
                order by created_at, id""")
                .param("type", subject.name()).param("subject", subjectId)
                .query((rs, n) -> new Linked(rs.getObject("id", UUID.class), rs.getObject("service_id", UUID.class),
                        rs.getString("service_name"), rs.getString("organisation_name"), rs.getString("note"),
                        rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"), null))
                .list().stream().map(l -> new Linked(l.id(), l.serviceId(), l.serviceName(), l.organisationName(),
                        l.note(), l.at(), l.byName(), current(l.serviceId()))).toList();
    }

    private ServiceDirectory.@Nullable ServiceView current(UUID serviceId) {
        try {
            return directory.service(serviceId);
        } catch (OutOfScopeException gone) {
            return null;
        }
    }

    /** The active services offered in the community, to choose from. */
    public List<ServiceDirectory.ServiceView> offered(String communityId) {
        return directory.search(null, null, communityId, 200);
    }
}
