/**
 * The community registry: places from district down to building, households, residents, their
 * vulnerabilities and carers, and the stage (prepare / respond / recover) of each community.
 */
@ApplicationModule(displayName = "Community registry", allowedDependencies = "platform")
@NullMarked
package org.liandong.community;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
