package org.liandong.platform;

import java.util.Collection;
import java.util.Set;

/**
 * The communities (residents' committees, by statistical code) a person may see. Street scopes are
 * expanded to their communities at sign-in; platform admins see every community.
 */
public record AccessScope(boolean everything, Set<String> communityIds) implements java.io.Serializable {

    public AccessScope {
        communityIds = Set.copyOf(communityIds);
    }

    public static AccessScope all() {
        return new AccessScope(true, Set.of());
    }

    public static AccessScope none() {
        return new AccessScope(false, Set.of());
    }

    public static AccessScope of(Collection<String> communityIds) {
        return new AccessScope(false, Set.copyOf(communityIds));
    }

    public boolean covers(String communityId) {
        return everything || communityIds.contains(communityId);
    }

    /** Throws {@link OutOfScopeException} (shown as 404, so nothing leaks) unless the community is covered. */
    public void check(String communityId) {
        if (!covers(communityId)) {
            throw new OutOfScopeException();
        }
    }
}
