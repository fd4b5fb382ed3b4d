/** Pages of the supply module: rounds, reservations, pickup, deliveries, the ledger and its public view. */
@NullMarked
package org.liandong.supply.web;

import org.jspecify.annotations.NullMarked;
