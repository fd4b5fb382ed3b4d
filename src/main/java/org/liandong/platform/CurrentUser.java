package org.liandong.platform;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Reads the signed-in {@link LiandongUser} from the security context. */
public final class CurrentUser {

    private CurrentUser() {
    }

    public static LiandongUser get() {
        return from(SecurityContextHolder.getContext().getAuthentication());
    }

    public static LiandongUser from(Authentication authentication) {
        if (authentication != null && authentication.getPrincipal() instanceof LiandongUser user) {
            return user;
        }
        throw new OutOfScopeException();
    }

    public static AccessScope scope() {
        return get().scope();
    }
}
