package org.liandong.care.observation;

import java.util.UUID;
import org.liandong.platform.AuditLog;
import org.liandong.platform.LiandongUser;
import org.liandong.platform.OutOfScopeException;
import org.liandong.platform.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who may read a resident's health data: the responsible worker, the supervisors (street and platform
 * admins) of the community, an expert the resident was referred to, and the resident's own household.
 * Every staff or expert view is written to the audit log.
 */
@Component
public class HealthAccess {

    private final JdbcClient jdbc;
    private final AuditLog audit;

    HealthAccess(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    public boolean may(LiandongUser me, String communityId, UUID residentId, UUID householdId, UUID responsibleId) {
        if (me.role() == Role.RESIDENT) {
            return me.householdId().map(householdId::equals).orElse(false);
        }
        if (me.role() == Role.EXPERT) {
            return referredTo(me.userId(), residentId);
        }
        if (!me.scope().covers(communityId)) {
            return false;
        }
        return me.userId().equals(responsibleId) || me.role().admin();
    }

    /** Throws 404 unless allowed; audits a staff or expert view. */
    public void check(LiandongUser me, String communityId, UUID residentId, UUID householdId, UUID responsibleId,
                      String subjectType, UUID subjectId, String residentName) {
        if (!may(me, communityId, residentId, householdId, responsibleId)) {
            throw new OutOfScopeException();
        }
        if (me.role() != Role.RESIDENT) {
            audit.record(me, "VIEW_HEALTH_DATA", subjectType, subjectId.toString(), residentName, communityId, null);
        }
    }

    private boolean referredTo(UUID expertId, UUID residentId) {
        return jdbc.sql("select count(*) from care_referral where expert_id = :e and resident_id = :r")
                .param("e", expertId).param("r", residentId).query(Integer.class).single() > 0;
    }
}
