package org.liandong.care;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Someone must act: a fever, a missed check-in, a dependant without a carer, an urgent referral, an overdue
 * request. {@code responsibleId} is the account of the responsible worker (null: the community's social
 * workers). The notification module delivers it; care shows it on {@code /care/alerts}.
 */
public record CareAlertRaised(UUID alertId, String communityId, String kind, @Nullable UUID responsibleId,
                              Instant actBy, Instant at) {
}
