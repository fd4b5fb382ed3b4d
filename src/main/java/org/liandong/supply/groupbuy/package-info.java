/**
 * Group buying (团购): a building-group leader or community staff open a group order with a supplier and a menu of
 * packs; households order from their phones until the deadline; the leader closes it and sends the supplier the
 * order sheet; the gate records the delivery (shortfalls included); packs are handed over per building group, or
 * carried to vulnerable households by volunteers ({@code VolunteerTasks}); payments are offline references only.
 * Price history per pack makes hikes visible; free distributions (爱心菜) are group orders at price 0 and, where
 * the goods were donated, allocations out in the supply ledger. A named interface, so the demo opens group orders
 * through the same service leaders use.
 */
@NamedInterface("groupbuy")
@NullMarked
package org.liandong.supply.groupbuy;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
