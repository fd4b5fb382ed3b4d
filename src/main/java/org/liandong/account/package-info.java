/**
 * Accounts: who may sign in, in which role, and which communities or streets they may see. Residents
 * register with their phone and claim their household; staff of that community confirm the claim.
 */
@ApplicationModule(displayName = "Accounts and scope", allowedDependencies = {"platform", "community"})
@NullMarked
package org.liandong.account;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
