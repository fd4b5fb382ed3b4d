/** Pages for tasks: staff create, follow and reassign them; volunteers accept, decline and finish them. */
@NullMarked
package org.liandong.volunteer.task;

import org.jspecify.annotations.NullMarked;
