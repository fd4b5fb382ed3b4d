/**
 * The stage playbook: checklist items per dimension and stage, rounds started by stage switches, their pages.
 * {@link org.liandong.resilience.playbook.Playbook} is open to the demo (named interface "playbook"); everyone
 * else reads the playbook through {@link org.liandong.resilience.PlaybookSource}.
 */
@NamedInterface("playbook")
@NullMarked
package org.liandong.resilience.playbook;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
