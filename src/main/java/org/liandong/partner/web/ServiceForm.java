package org.liandong.partner.web;

import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.liandong.partner.ServiceDirectory;

/** The service form as posted (staff's organisation page, the edit page, the partner's own page). */
record ServiceForm(@Nullable String name, @Nullable String need, @Nullable String description,
                   @Nullable String eligibility, @Nullable String minimumAge, @Nullable String maximumAge,
                   @Nullable String free, @Nullable String fees, @Nullable List<String> languages,
                   @Nullable String schedule, @Nullable String applicationProcess, @Nullable String phone,
                   @Nullable String email, @Nullable String url, @Nullable String locationName,
                   @Nullable String address, @Nullable String locationCommunityId,
                   @Nullable List<String> communityIds) {

    ServiceDirectory.NewService toService() {
        return new ServiceDirectory.NewService(name == null ? "" : name, need == null ? "" : need, description,
                eligibility, minimumAge, maximumAge, "true".equals(free), fees,
                languages == null ? Set.of() : Set.copyOf(languages), schedule, applicationProcess, phone, email, url,
                locationName, address, locationCommunityId, communityIds == null ? Set.of() : Set.copyOf(communityIds));
    }
}
