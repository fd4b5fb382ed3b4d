/** Screening, referrals to experts and to directory services (used by the demo). */
@NamedInterface("referral")
@NullMarked
package org.liandong.care.referral;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
