/** Checks of the values AUPAT accepts (identifiers, names, states, URLs), each failing with a ValidationError. */
package org.aupat.foundation.validation;
