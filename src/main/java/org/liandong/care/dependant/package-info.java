/** No dependant left alone, welfare visits and rounds (used by the demo). */
@NamedInterface("dependant")
@NullMarked
package org.liandong.care.dependant;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
