package org.liandong.volunteer;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.liandong.platform.ChineseIdNumber;
import org.liandong.platform.PhoneNumber;

/** An application whose every field passed {@link ApplicationCheck}; duplicates are checked on submission. */
record ValidApplication(String name, char sex, LocalDate birthDate, ChineseIdNumber idNumber, PhoneNumber phone,
                        String communityId, Set<VolunteerCategory> categories,
                        Map<VolunteerCategory, String> certificates, Availability availability,
                        LocalDate availableFrom, @Nullable LocalDate availableUntil, int hoursPerWeek,
                        Map<String, String> answers, int motivationScore, boolean healthOk,
                        @Nullable String healthNote, @Nullable PhoneNumber referrerPhone, boolean guardianConsent) {
}
