/** What the care pages share: finding a resident by address and name, and answering a form post. */
@NullMarked
package org.liandong.care.web;

import org.jspecify.annotations.NullMarked;
