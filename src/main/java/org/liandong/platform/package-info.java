/**
 * What every module shares: value types for personal data, the audit log, web layout, locale,
 * error pages and security configuration. Kept small on purpose.
 */
@ApplicationModule(displayName = "Platform", type = ApplicationModule.Type.OPEN)
@NullMarked
package org.liandong.platform;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
