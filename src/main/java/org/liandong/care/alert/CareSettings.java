package org.liandong.care.alert;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Deadlines of the care module ({@code liandong.care.*}): how long the responsible worker has to act on an
 * alert before it escalates, how long an expert has to acknowledge an urgent referral, and the hours
 * (Beijing time) by which the morning and evening check-ins of a home observation are due, and how long a volunteer has to accept a help request's task before
 * it is withdrawn and the request goes back in the queue.
 */
@ConfigurationProperties("liandong.care")
public record CareSettings(@DefaultValue("PT2H") Duration alertActWithin,
                           @DefaultValue("PT30M") Duration referralAcknowledgeWithin,
                           @DefaultValue("12") int morningCheckInDue,
                           @DefaultValue("20") int eveningCheckInDue,
                           @DefaultValue("PT1M") Duration watchInterval,
                           @DefaultValue("PT30M") Duration taskAcceptWithin) {
}
