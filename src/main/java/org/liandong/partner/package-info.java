/**
 * Partners of a street — social-work agencies, social organisations, enterprises, foundations, hospitals —
 * with their contacts and the communities they serve; their services in the Open Referral HSDS 3.0 model;
 * communities' needs, partners' offers, the matches between them and the street's coordination board.
 */
@ApplicationModule(displayName = "Partners", allowedDependencies = {"platform", "community", "account", "supply", "volunteer"})
@NullMarked
package org.liandong.partner;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
