/** Group buying pages: households order, leaders and staff manage, the checklist, prices and reports. */
@NullMarked
package org.liandong.supply.groupbuy.web;

import org.jspecify.annotations.NullMarked;
