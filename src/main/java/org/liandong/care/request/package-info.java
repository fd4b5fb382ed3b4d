/** Help requests: filing, the triage queue, suggestions and assign all (used by the demo). */
@NamedInterface("request")
@NullMarked
package org.liandong.care.request;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
